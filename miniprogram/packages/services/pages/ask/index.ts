/**
 * 想要新服务 (金点子): a resident asks for a service that is not on the menu; below, what neighbours in the same
 * community asked for, with how many asked — the community decides what to buy from this list.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { plainFieldErrors } from '../../../../lib/form';
import { SERVICES_PAGES, type DemandView } from '../../../../lib/services';
import { SERVICES_LIMITS } from '../../../../shared/limits';
import { CATEGORIES } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

/** The menu's categories, and 其他 for an idea that fits none. */
const ASK_CATEGORIES = [...CATEGORIES, '其他'] as const;

/** A line of the community's list. */
interface DemandLine {
  id: string;
  title: string;
  description: string;
  note: string;
  url: string;
}

function demandLine(d: DemandView): DemandLine {
  return {
    id: d.id,
    title: d.category === '其他' ? '其他服务' : d.category,
    description: d.status === 'adopted' ? '已经上架，可以预约了' : d.askedByMe ? '您也提过' : '',
    note: `${d.count} 人想要`,
    url: d.itemId ? SERVICES_PAGES.item(d.itemId) : '',
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    categories: ASK_CATEGORIES,
    category: '',
    text: '',
    errors: {} as Record<string, string>,
    sending: false,
    sent: '',
    lines: [] as DemandLine[],
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { text: SERVICES_LIMITS.demandTextMax },
  },
  methods: {
    /** What neighbours asked for: those already on the menu first, then the open ones. */
    async load(): Promise<LoadResult> {
      const [open, adopted] = await Promise.all([
        call('services', 'demands', { status: 'open' }),
        call('services', 'demands', { status: 'adopted' }),
      ]);
      if (!open.ok) return open;
      if (!adopted.ok) return adopted;
      return { ok: true, data: { lines: [...adopted.data.items, ...open.data.items].map(demandLine) } };
    },
    onCategory(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { category: string }>,
    ) {
      this.setData({ category: e.currentTarget.dataset.category, 'errors.category': '' });
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, 'errors.text': '' });
    },
    async onSend() {
      if (this.data.sending) return;
      if (!this.data.category) {
        this.setData({ 'errors.category': '请先选一类服务' });
        return;
      }
      if (!this.data.text.trim()) {
        this.setData({ 'errors.text': '请写一写想要什么样的服务' });
        return;
      }
      this.setData({ sending: true });
      const reply = await call('services', 'requestService', {
        category: this.data.category as (typeof ASK_CATEGORIES)[number],
        text: this.data.text.trim(),
      });
      this.setData({ sending: false });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, {
          text: `最多 ${SERVICES_LIMITS.demandTextMax} 字`,
          category: '请先选一类服务',
        });
        if (Object.keys(errors).length > 0) this.setData({ errors });
        else wx.showModal({ title: '没有提交成功', content: reply.error.message, showCancel: false });
        return;
      }
      this.setData({
        text: '',
        sent:
          reply.data.count > 1
            ? `收到了。算上您，已经有 ${reply.data.count} 人想要这类服务`
            : '收到了，社区会认真考虑',
      });
      void this.reload();
    },
  },
});
