/**
 * 微公益: the rounds of the caller's community and street (admins: every round in their scope), newest first,
 * 20 at a time, with what is happening in each and until when. Admins can open a new round.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import type { LoadResult } from '../../../../behaviors/remote-page';
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
  behaviors: [elderModeBehavior, pagedList],
  data: {
    isAdmin: false,
    items: [] as Card[],
  },
  methods: {
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const first = await this.loadPage(0);
      return first.ok
        ? { ok: true, data: { ...first.data, isAdmin: session.me.isAdmin, loadingMore: false } }
        : first;
    },
    async loadPage(offset: number) {
      return pageOf(await call('proposals', 'listRounds', { offset }), card);
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
