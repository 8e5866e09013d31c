/**
 * 提议服务项目 (社会组织做菜, provider staff): staff propose a menu item for communities their organization serves;
 * the community's admin approves it before residents can order it (审核菜单). One key per submission, so a retried
 * tap proposes once.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { ensureSession } from '../../../../lib/session';
import { CATEGORIES, type Category } from '../../../../shared/choices';
import { SERVICES_LIMITS } from '../../../../shared/limits';

const PRICE_TYPES = [
  { id: 'free', title: '免费' },
  { id: 'voucher', title: '补贴券' },
  { id: 'lowcost', title: '低偿' },
] as const;

const EMPTY = {
  name: '',
  category: '',
  description: '',
  priceType: 'free',
  priceYuan: '',
  capacityPerSlot: '4',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    orgName: '',
    communities: [] as { id: string; name: string; on: boolean }[],
    categories: CATEGORIES,
    priceTypes: PRICE_TYPES,
    form: { ...EMPTY },
    errors: {} as Record<string, string>,
    saving: false,
    sent: '',
    idempotencyKey: '',
    max: { name: SERVICES_LIMITS.itemNameMax, description: SERVICES_LIMITS.itemDescriptionMax },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const orgs = await call('account', 'listOrgs', { mine: true });
      if (!orgs.ok) return orgs;
      const org = orgs.data.find((o) => o.active);
      if (!org)
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: '只有在岗的社会组织工作人员可以提议服务项目' },
        };
      return {
        ok: true,
        data: {
          orgName: org.name,
          communities: org.communityIds.map((id, i) => ({ id, name: org.communityNames[i] ?? '', on: true })),
          idempotencyKey: newIdempotencyKey(),
        },
      };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const { field } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '', sent: '' });
    },
    onPick(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { field: string; value: string }
      >,
    ) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: value, [`errors.${field}`]: '', sent: '' });
    },
    onCommunity(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ [`communities[${i}].on`]: !this.data.communities[i]!.on, 'errors.communityIds': '' });
    },
    async onSend() {
      if (this.data.saving) return;
      const { form } = this.data;
      const communityIds = this.data.communities.filter((c) => c.on).map((c) => c.id);
      const errors: Record<string, string> = {};
      if (!form.name.trim()) errors.name = '请给服务起个名字';
      if (!form.category) errors.category = '请选一类';
      if (communityIds.length === 0) errors.communityIds = '请至少选一个社区';
      if (Object.keys(errors).length > 0) {
        this.setData({ errors });
        return;
      }
      this.setData({ saving: true });
      const reply = await call('services', 'proposeItem', {
        name: form.name.trim(),
        category: form.category as Category,
        description: form.description.trim(),
        priceType: form.priceType as 'free' | 'voucher' | 'lowcost',
        priceYuan: form.priceType === 'free' ? 0 : Number(form.priceYuan) || 0,
        capacityPerSlot: Math.max(1, Math.floor(Number(form.capacityPerSlot) || 1)),
        communityIds,
        idempotencyKey: this.data.idempotencyKey,
      });
      this.setData({ saving: false });
      if (!reply.ok) {
        const fields = plainFieldErrors(reply, {
          name: `名字 1–${SERVICES_LIMITS.itemNameMax} 个字`,
          priceYuan: '请填写价格',
          capacityPerSlot: `1–${SERVICES_LIMITS.capacityPerSlotMax} 单`,
          communityIds: '机构不服务这个社区',
        });
        if (Object.keys(fields).length > 0) this.setData({ errors: fields });
        else wx.showModal({ title: '没有提交成功', content: reply.error.message, showCancel: false });
        return;
      }
      this.setData({
        form: { ...EMPTY },
        errors: {},
        idempotencyKey: newIdempotencyKey(),
        sent: `“${reply.data.name}”已提交，社区审核通过后就会出现在居民的菜单上。`,
      });
    },
    onMyItems() {
      void wx.navigateTo({ url: '/packages/services/pages/manage/index' });
    },
  },
});
