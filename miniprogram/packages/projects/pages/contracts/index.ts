/**
 * 购买服务合同: the contracts the person is a party of — the street's for its admins, the organization's for its
 * staff, the ones they supervise — newest first, 20 at a time, each with its status, who signed and the money;
 * a supervisor goes to the visit page (定点走访) straight from the list.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { fullDayText } from '../../../../shared/calendar';
import { CONTRACT_ROUTES } from '../../lib/contractRoutes';
import { PARTY_TEXT, STATUS_TEXT, yuanText, type ContractListItem } from '../../lib/contractWords';

/** A contract as its card shows it. */
function card(c: ContractListItem) {
  const missing = (['buyer', 'provider', 'supervisor'] as const).filter((p) => !c.signed.includes(p));
  return {
    id: c.id,
    url: CONTRACT_ROUTES.contract(c.id),
    title: c.title,
    org: `${c.orgName} · ${c.category}`,
    places: c.communityNames.join('、'),
    money: `合同金额 ${yuanText(c.amountFen)}`,
    period: `${fullDayText(c.from)} 至 ${fullDayText(c.to)}`,
    status: c.status,
    statusText: STATUS_TEXT[c.status],
    signing: c.status === 'signing' ? `待签署：${missing.map((p) => PARTY_TEXT[p]).join('、')}` : '',
    visitUrl: c.mayVisit ? CONTRACT_ROUTES.visit(c.id) : '',
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    items: [] as ReturnType<typeof card>[],
    dashboardUrl: CONTRACT_ROUTES.dashboard,
  },
  methods: {
    async loadPage(offset: number) {
      const reply = await call('projects', 'contractList', { offset });
      return pageOf(reply, card);
    },
  },
});
