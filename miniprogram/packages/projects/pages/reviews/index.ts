/**
 * 我的评审 (anyone a street appointed as a reviewer): the calls they review, whether they declared their conflicts
 * and how many bids they have scored of those they may; each opens its score sheet.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, reloadOnShow, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { PROJECT_ROUTES } from '../../lib/routes';
import type { ReviewItem } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [elderModeBehavior, remotePage, reloadOnShow],
  data: { items: [] as ReviewItem[] },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('projects', 'myReviews', {});
      if (!reply.ok) return reply;
      return { ok: true, data: { items: reply.data } };
    },
    onOpen(e: Tap) {
      wx.navigateTo({ url: PROJECT_ROUTES.review(e.currentTarget.dataset.id) });
    },
  },
});
