/**
 * 微公益: the rounds of the caller's community and street (admins: every round in their scope), newest first,
 * 20 at a time, with what is happening in each and until when. Admins can open a new round.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { ensureSession } from '../../../../lib/session';
import { PAGES, type RoundCard } from '../../lib/views';
import { PHASE_THEMES, phaseEnds, yuan } from '../../lib/words';
import { call } from '../../../../lib/api';

/** A round as the list shows it. */
interface Card {
  id: string;
  title: string;
  scope: string;
  phase: string;
  theme: string;
  ends: string;
  budget: string;
  url: string;
}

const card = (r: RoundCard): Card => ({
  id: r.id,
  title: r.title,
  scope: r.scopeName,
  phase: r.phaseLabel,
  theme: PHASE_THEMES[r.phase],
  ends: phaseEnds(r.phase, r.phaseEndsAt),
  budget: `总预算 ${yuan(r.totalBudget)}`,
  url: `${PAGES}/round/index?id=${r.id}`,
});

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    isAdmin: false,
    cards: [] as Card[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      this.reload();
    },
    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.reload();
    },
    async reload() {
      const session = await ensureSession();
      if (!session.ok) {
        this.setData({ status: 'error', errorMessage: session.error.message });
        return;
      }
      this.setData({ isAdmin: session.me.isAdmin });
      await this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('proposals', 'listRounds', { offset });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const cards = reply.data.items.map(card);
      this.setData({
        status: 'ready',
        loadingMore: false,
        cards: offset === 0 ? cards : [...this.data.cards, ...cards],
        next: reply.data.next,
      });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
