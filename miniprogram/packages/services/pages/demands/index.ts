/**
 * 需求清单 (admins): what residents of the admin's communities asked for, per community and category, most
 * asked first, with what they wrote (never who). An admin turns a line into a menu item offered by an
 * organization that serves that community; everyone who asked is told.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery } from '../../../../behaviors/remote-page';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { type DemandView } from '../../../../lib/services';
import { dayClockText } from '../../../../shared/calendar';
import { CATEGORIES, type Category } from '../../../../shared/choices';
import { SERVICES_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

type ItemCategory = Category;
const PRICE_TYPES = [
  { id: 'free', title: '免费' },
  { id: 'voucher', title: '补贴券' },
  { id: 'lowcost', title: '低偿' },
] as const;

/** A line of the list. */
interface LineBox {
  id: string;
  title: string;
  count: number;
  category: string;
  communityId: string;
  requests: string[];
  adopted: boolean;
}

function lineBox(d: DemandView): LineBox {
  return {
    id: d.id,
    title: `${d.communityName} · ${d.category}`,
    count: d.count,
    category: d.category,
    communityId: d.communityId,
    requests: (d.requests ?? []).slice(0, 3).map((r) => `${dayClockText(r.at)}：${r.text}`),
    adopted: d.status === 'adopted',
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    tab: 'open' as 'open' | 'adopted',
    items: [] as LineBox[],
    // The adoption form, for one line at a time.
    adopting: '',
    categories: CATEGORIES,
    priceTypes: PRICE_TYPES,
    orgs: [] as { id: string; name: string; communityIds: string[] }[],
    form: { name: '', category: '', priceType: 'free', priceYuan: '', capacityPerSlot: '4', orgId: '' },
    errors: {} as Record<string, string>,
    saving: false,
    idempotencyKey: '',
  },
  methods: {
    onLoad(query: PageQuery) {
      void this.reload(query);
      void this.loadOrgs();
    },
    onTab(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { tab: 'open' | 'adopted' }
      >,
    ) {
      this.setData({ adopting: '' });
      void this.restart({ ...pageQuery(this), tab: e.currentTarget.dataset.tab });
    },
    async loadPage(offset: number, query: PageQuery) {
      const tab = (query.tab ?? 'open') as 'open' | 'adopted';
      return pageOf(await call('services', 'demands', { status: tab, offset }), lineBox, { tab });
    },
    async loadOrgs() {
      const reply = await call('account', 'listOrgs');
      if (reply.ok)
        this.setData({
          orgs: reply.data
            .filter((o) => o.active)
            .map((o) => ({ id: o.id, name: o.name, communityIds: o.communityIds })),
        });
    },
    onAdopt(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const line = this.data.items.find((l) => l.id === e.currentTarget.dataset.id);
      if (!line) return;
      const category = (CATEGORIES as readonly string[]).includes(line.category) ? line.category : '';
      const serving = this.data.orgs.find((o) => o.communityIds.includes(line.communityId));
      this.setData({
        adopting: line.id,
        form: {
          name: '',
          category,
          priceType: 'free',
          priceYuan: '',
          capacityPerSlot: '4',
          orgId: serving?.id ?? '',
        },
        errors: {},
        idempotencyKey: newIdempotencyKey(),
      });
    },
    onCloseForm() {
      this.setData({ adopting: '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const { field } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '' });
    },
    onPick(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { field: string; value: string }
      >,
    ) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: value, [`errors.${field}`]: '' });
    },
    async onSave() {
      const { form, adopting } = this.data;
      const errors: Record<string, string> = {};
      if (!form.name.trim()) errors.name = '请给服务起个名字';
      if (!form.category) errors.category = '请选一类';
      if (!form.orgId) errors.orgIds = '请选一个服务机构';
      if (Object.keys(errors).length > 0) {
        this.setData({ errors });
        return;
      }
      this.setData({ saving: true });
      const reply = await call('services', 'adoptDemand', {
        demandId: adopting,
        name: form.name.trim(),
        category: form.category as ItemCategory,
        priceType: form.priceType as 'free' | 'voucher' | 'lowcost',
        priceYuan: form.priceType === 'free' ? 0 : Number(form.priceYuan) || 0,
        capacityPerSlot: Math.max(1, Math.floor(Number(form.capacityPerSlot) || 1)),
        orgIds: [form.orgId],
        idempotencyKey: this.data.idempotencyKey,
      });
      this.setData({ saving: false });
      if (!reply.ok) {
        const fields = plainFieldErrors(reply, {
          name: `名字 1–${SERVICES_LIMITS.itemNameMax} 个字`,
          priceYuan: '请填写价格',
          capacityPerSlot: `1–${SERVICES_LIMITS.capacityPerSlotMax} 单`,
        });
        if (Object.keys(fields).length > 0) this.setData({ errors: fields });
        else wx.showModal({ title: '没有成功', content: reply.error.message, showCancel: false });
        return;
      }
      wx.showToast({ title: '已上架，已通知居民', icon: 'success' });
      this.setData({ adopting: '', items: this.data.items.filter((l) => l.id !== adopting) });
    },
  },
});
