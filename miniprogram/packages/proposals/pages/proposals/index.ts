/**
 * 提案: a round's proposals, 20 at a time — newest first, most voted (where votes may be seen) or smallest budget
 * first — filtered by status. During voting the voter's remaining votes show on top and each card says whether
 * they support it. Admins land here filtered to 待预审 to screen.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { PAGES, type ProposalCard, type StatusFilter } from '../../lib/views';
import { quotaWords, STATUS_THEMES, yuan } from '../../lib/words';
import { call } from '../../../../lib/api';

type Sort = 'newest' | 'votes' | 'budget';

/** A proposal as the list shows it. */
interface Card {
  id: string;
  title: string;
  summary: string;
  budget: string;
  author: string;
  status: string;
  theme: string;
  votes: string;
  voted: boolean;
  held: boolean;
  mine: boolean;
  cover: string;
  url: string;
}

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'submitted', label: '待预审' },
  { value: 'accepted', label: '已通过' },
  { value: 'funded', label: '获得资助' },
  { value: 'rejected', label: '未通过' },
  { value: 'withdrawn', label: '已撤回' },
];

function card(p: ProposalCard): Card {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    budget: yuan(p.budget),
    author: p.authorName,
    status: p.statusLabel,
    theme: STATUS_THEMES[p.status],
    votes: p.votes === undefined ? '' : `${p.votes} 票`,
    voted: p.voted,
    held: Boolean(p.heldForReview),
    mine: p.mine,
    cover: p.cover ?? '',
    url: `${PAGES}/proposal/index?roundId=${p.roundId}&proposalId=${p.id}`,
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    roundId: '',
    roundTitle: '',
    quota: '',
    sort: 'newest' as Sort,
    filter: 'all' as StatusFilter,
    filters: FILTERS,
    sortNote: '',
    items: [] as Card[],
  },
  methods: {
    onLoad(query: PageQuery) {
      const filter = FILTERS.find((f) => f.value === query.status)?.value ?? 'all';
      this.setData({ roundId: query.roundId ?? '', filter });
      void this.reload(query);
    },
    onSort(e: WechatMiniprogram.CustomEvent<{ value: Sort }>) {
      this.setData({ sort: e.detail.value });
      void this.restart();
    },
    onFilter(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: StatusFilter }>,
    ) {
      this.setData({ filter: e.currentTarget.dataset.value });
      void this.restart();
    },
    /** The round (its title, the caller's votes left), then the first page of its proposals. */
    async load(): Promise<LoadResult> {
      const round = await call('proposals', 'getRound', { roundId: this.data.roundId });
      if (!round.ok) return round;
      const r = round.data;
      const first = await this.loadPage(0);
      if (!first.ok) return first;
      return {
        ok: true,
        data: {
          ...first.data,
          loadingMore: false,
          roundTitle: r.title,
          quota: r.phase === 'voting' && r.me.canVote && r.me.ballot ? quotaWords(r.me.ballot) : '',
        },
      };
    },
    async loadPage(offset: number) {
      const reply = await call('proposals', 'listProposals', {
        roundId: this.data.roundId,
        sort: this.data.sort,
        status: this.data.filter,
        offset,
      });
      return pageOf(reply, card, {
        sortNote:
          reply.ok && this.data.sort === 'votes' && !reply.data.votesShown
            ? '这一期投票结束前不公开票数，先按提交时间排列。'
            : '',
      });
    },
  },
});
