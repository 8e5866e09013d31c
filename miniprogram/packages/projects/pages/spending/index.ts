/**
 * 收支与票据: the contract's spending against its budget lines, every record with its receipts (the financial
 * review's view, for the buyer and the supervisor too); the provider's staff record what they spent on a line with
 * photos of the 票据, uploaded to storage. Records are never edited.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { pickPhotos } from '../../../../lib/photos';
import { fullDayText } from '../../../../shared/calendar';
import { PROJECTS_TRACKING_LIMITS } from '../../../../shared/limits';
import { budgetRows, yuanText, type ContractDetail } from '../../lib/contractWords';
import { fenOf } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, Record<string, string>>;

/** The page's view of the contract's money. */
function view(c: ContractDetail) {
  return {
    id: c.id,
    title: c.title,
    money: `合同金额 ${yuanText(c.amountFen)}`,
    canRecord: c.my.includes('provider') && c.status === 'active',
    lines: budgetRows(c.budget),
    records: c.spending.map((s) => ({
      id: s.id,
      title: `${s.label} · ${yuanText(s.amountFen)}`,
      note: s.note,
      by: `${s.by} ${fullDayText(s.at)} 记账`,
      receipts: s.receipts,
    })),
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    c: null as ReturnType<typeof view> | null,
    lineKey: '',
    amount: '',
    note: '',
    receipts: [] as string[],
    key: newIdempotencyKey(),
    busy: false,
    banner: '',
    errors: {} as Record<string, string>,
    max: { note: PROJECTS_TRACKING_LIMITS.noteMax },
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'contractDetail', { contractId: query.id ?? '' });
      if (!reply.ok) return reply;
      const c = view(reply.data);
      return { ok: true, data: { c, lineKey: this.data.lineKey || (c.lines[0]?.key ?? '') } };
    },
    onLine(e: Tap) {
      this.setData({ lineKey: e.currentTarget.dataset.key! });
    },
    onAmount(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ amount: e.detail.value, 'errors.amount': '' });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, 'errors.note': '' });
    },
    async onReceipts() {
      const picked = await pickPhotos(
        PROJECTS_TRACKING_LIMITS.filesFolder,
        PROJECTS_TRACKING_LIMITS.filesMax - this.data.receipts.length,
      );
      this.setData({
        receipts: [...this.data.receipts, ...picked.fileIds],
        banner: picked.failed ? '有票据照片没有传上去，请再拍一次' : '',
      });
    },
    onPhoto(e: Tap) {
      const src = e.currentTarget.dataset.src!;
      wx.previewImage({ urls: [src], current: src });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const amountFen = fenOf(this.data.amount);
      const errors: Record<string, string> = {};
      if (!(amountFen >= 1)) errors.amount = '请填写金额（元）';
      if (!this.data.note.trim()) errors.note = '请写明用途';
      if (this.data.receipts.length === 0) errors.receipts = '请拍下票据';
      if (Object.keys(errors).length) {
        this.setData({ errors });
        return;
      }
      this.setData({ busy: true, banner: '', errors: {} });
      const reply = await call('projects', 'recordSpending', {
        contractId: this.data.c!.id,
        lineKey: this.data.lineKey,
        amountFen,
        note: this.data.note,
        receipts: this.data.receipts,
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: `已记账 ${yuanText(reply.data.amountFen)}`, icon: 'none' });
      this.setData({ amount: '', note: '', receipts: [], key: newIdempotencyKey() });
      await this.reload();
    },
  },
});
