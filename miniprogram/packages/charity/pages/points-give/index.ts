/**
 * 赠送积分: give some 爱心积分 to a family member linked in 家人绑定 (an elder's child who helps them, a volunteer's
 * parent); after a confirmation, never more than the balance. No family linked: says where to link one.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';

/** A family member to give to. */
interface Member {
  id: string;
  name: string;
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    balance: 0,
    family: [] as Member[],
    to: '',
    points: 10,
    problem: '',
    done: '',
    giving: false,
    giveKey: '',
  },
  methods: {
    async load(): Promise<LoadResult> {
      const [links, mine] = await Promise.all([
        call('account', 'listLinks', {}),
        call('volunteering', 'myPoints', { offset: 0 }),
      ]);
      if (!links.ok) return links;
      if (!mine.ok) return mine;
      const family = links.data
        .filter((l) => l.status === 'active')
        .map((l) => ({
          id: l.other.id,
          name: `${l.other.realNameMasked || l.other.nickname}（${l.relation}）`,
        }));
      return {
        ok: true,
        data: {
          balance: mine.data.balance,
          family,
          to: family.some((f) => f.id === this.data.to) ? this.data.to : (family[0]?.id ?? ''),
          points: Math.max(1, Math.min(this.data.points, mine.data.balance)),
        },
      };
    },
    onTo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ to: e.currentTarget.dataset.id, problem: '', done: '' });
    },
    onPoints(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ points: Number(e.detail.value), problem: '', done: '' });
    },
    async onGive() {
      const d = this.data;
      const member = d.family.find((f) => f.id === d.to);
      if (!member || d.giving) return;
      const { confirm } = await wx.showModal({
        title: `把 ${d.points} 分赠给${member.name}？`,
        content: '赠出后不能收回',
        confirmText: '赠送',
        cancelText: '再想想',
      });
      if (!confirm) return;
      // One key per gift until it succeeds: a retried tap gives once.
      const key = d.giveKey || newIdempotencyKey();
      this.setData({ giving: true, giveKey: key, problem: '' });
      const reply = await call('charity', 'givePoints', {
        targetUserId: member.id,
        points: d.points,
        idempotencyKey: key,
      });
      if (!reply.ok) {
        this.setData({ giving: false, giveKey: '', problem: reply.error.message });
        return;
      }
      this.setData({
        giving: false,
        giveKey: '',
        balance: reply.data.balance,
        done: `已把 ${reply.data.points} 分赠给${member.name}。`,
      });
    },
    onFamily() {
      wx.navigateTo({ url: '/packages/account/pages/family/index' });
    },
  },
});
