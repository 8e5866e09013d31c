/**
 * 我的提案: every proposal of the caller, drafts included, most recently changed first, 20 at a time, with the
 * status residents see and the round it belongs to. A draft opens the form to go on with it.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { reloadOnShow } from '../../../../behaviors/remote-page';
import { PAGES, type MyProposalItem } from '../../lib/views';
import { STATUS_THEMES, yuan } from '../../lib/words';
import { call } from '../../../../lib/api';

/** A proposal as the list shows it. */
interface Card {
  id: string;
  title: string;
  round: string;
  status: string;
  theme: string;
  budget: string;
  hint: string;
  url: string;
}

function card(p: MyProposalItem): Card {
  const draft = p.status === 'draft';
  let hint = '';
  if (draft && p.roundPhase === 'collecting') hint = '草稿还没提交，点开接着写';
  else if (draft) hint = '征集已结束，这份草稿没有提交';
  else if (p.status === 'changes_requested') hint = '管理员请您修改，点开看意见';
  return {
    id: p.id,
    title: p.title,
    round: `${p.roundTitle} · ${p.roundPhaseLabel}`,
    status: p.statusLabel,
    theme: STATUS_THEMES[p.status],
    budget: p.budget > 0 ? yuan(p.budget) : '',
    hint,
    url:
      draft && p.roundPhase === 'collecting'
        ? `${PAGES}/propose/index?roundId=${p.roundId}&proposalId=${p.id}`
        : `${PAGES}/proposal/index?roundId=${p.roundId}&proposalId=${p.id}`,
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    items: [] as Card[],
  },
  methods: {
    async loadPage(offset: number) {
      return pageOf(await call('proposals', 'myProposals', { offset }), card);
    },
  },
});
