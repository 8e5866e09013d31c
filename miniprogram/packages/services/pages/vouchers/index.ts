/**
 * 补贴券: this month's balance and every grant and charge, month by month (vouchers are for the month they are
 * granted in). For oneself, or — opened with `?for=<id>` — an elder one is linked to.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { yuan, type VoucherView } from '../../../../lib/services';
import { dayClockText, monthText } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

/** A month as shown. */
interface MonthView {
  month: string;
  summary: string;
  entries: { key: string; text: string; when: string; amount: string; kind: string }[];
}

function monthView(m: VoucherView['months'][number]): MonthView {
  return {
    month: monthText(m.month),
    summary:
      m.expiredFen > 0
        ? `发放 ${yuan(m.grantedFen)}，月底清零 ${yuan(m.expiredFen)}`
        : `发放 ${yuan(m.grantedFen)}，剩 ${yuan(m.balanceFen)}`,
    entries: m.entries.map((e, i) => ({
      key: String(i),
      text: e.text,
      when: dayClockText(e.at),
      amount: `${e.kind === 'grant' ? '+' : '-'}${yuan(e.amountFen)}`,
      kind: e.kind,
    })),
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    name: '',
    balance: '',
    eligibleText: '',
    months: [] as MonthView[],
  },
  methods: {
    /** For oneself, or `?for=<id>`: an elder one is linked to. */
    async load(query: PageQuery) {
      const forId = query.for ?? '';
      return mapReply(await call('services', 'vouchers', forId ? { beneficiaryId: forId } : {}), (v) => ({
        name: v.nameMasked,
        balance: yuan(v.balanceFen),
        eligibleText: v.eligibleText,
        months: v.months.map(monthView),
      }));
    },
  },
});
