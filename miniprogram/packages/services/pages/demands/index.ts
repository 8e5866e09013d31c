/**
 * 需求清单 (admins): what residents of the admin's communities asked for, per community and category, most
 * asked first, with what they wrote (never who). An admin turns a line into a menu item offered by an
 * organization that serves that community; everyone who asked is told.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { shortTime, type DemandView } from '../../../../lib/services';
import { call } from '../../../../lib/api';

const CATEGORIES = ['助餐', '助浴', '助洁', '助行', '助医', '康复护理', '心理慰藉'] as const;
type ItemCategory = (typeof CATEGORIES)[number];
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
    requests: (d.requests ?? []).slice(0, 3).map((r) => `${shortTime(r.at)}：${r.text}`),
    adopted: d.status === 'adopted',
  };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    tab: 'open' as 'open' | 'adopted',
    lines: [] as LineBox[],
    next: null as number | null,
    loadingMore: false,
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
    onLoad() {
      this.load('open');
      this.loadOrgs();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.load(this.data.tab);
    },
    onTab(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { tab: 'open' | 'adopted' }
      >,
    ) {
      this.setData({ status: 'loading', adopting: '' });
      this.load(e.currentTarget.dataset.tab);
    },
    async load(tab: 'open' | 'adopted', offset = 0) {
      const reply = await call('services', 'demands', { status: tab, offset });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const boxes = reply.data.items.map(lineBox);
      this.setData({
        status: 'ready',
        tab,
        lines: offset === 0 ? boxes : [...this.data.lines, ...boxes],
        next: reply.data.next,
        loadingMore: false,
      });
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
    onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      this.load(this.data.tab, this.data.next);
    },
    onAdopt(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const line = this.data.lines.find((l) => l.id === e.currentTarget.dataset.id);
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
          capacityPerSlot: '1–50 单',
        });
        if (Object.keys(fields).length > 0) this.setData({ errors: fields });
        else wx.showModal({ title: '没有成功', content: reply.error.message, showCancel: false });
        return;
      }
      wx.showToast({ title: '已上架，已通知居民', icon: 'success' });
      this.setData({ adopting: '', lines: this.data.lines.filter((l) => l.id !== adopting) });
    },
  },
});
