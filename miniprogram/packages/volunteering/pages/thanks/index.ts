/**
 * 年度感谢: a community's year of volunteer service — verified hours, how many volunteers in how many activities —
 * and the volunteers with the most hours who agreed to be named (surname only). A volunteer can agree or withdraw
 * here.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import type { ThankYouView } from '../../lib/views';

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    t: null as ThankYouView | null,
    isVolunteer: false,
    agreed: false,
    saving: false,
  },
  methods: {
    async load(query: Record<string, string | undefined>) {
      const reply = await call(
        'volunteering',
        'thankYou',
        query.communityId ? { communityId: query.communityId } : {},
      );
      if (!reply.ok) return reply;
      return {
        ok: true as const,
        data: {
          t: reply.data,
          isVolunteer: Boolean(reply.data.me),
          agreed: reply.data.me?.publicThanks ?? false,
        },
      };
    },
    async onAgree(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      if (this.data.saving) return;
      const publicThanks = Boolean(e.detail.value);
      this.setData({ saving: true, agreed: publicThanks });
      const reply = await call('volunteering', 'updateVolunteer', { publicThanks });
      this.setData({ saving: false });
      if (!reply.ok) {
        this.setData({ agreed: !publicThanks });
        wx.showModal({ title: '没有改成', content: reply.error.message, showCancel: false });
        return;
      }
      await this.reload();
    },
  },
});
