/**
 * 记录走访 (the contract's supervisors): a site visit (定点) — the 日常监管评分表 scored line by line, photos taken
 * there, a note — recorded with the phone's location. Never edited afterwards.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { pickPhotos } from '../../../../lib/photos';
import { PROJECTS_TRACKING_LIMITS } from '../../../../shared/limits';

/** The 日常监管评分表 (the function checks the same lines and maxima). */
const SHEET = [
  { key: 'delivery', label: '服务按计划开展', max: 30 },
  { key: 'records', label: '台账资料完整', max: 20 },
  { key: 'staff', label: '人员到岗', max: 20 },
  { key: 'residents', label: '居民反馈良好', max: 20 },
  { key: 'safety', label: '安全规范', max: 10 },
];

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    id: '',
    title: '',
    sheet: SHEET.map((l) => ({ ...l, score: l.max, text: `满分 ${l.max}` })),
    total: 100,
    photos: [] as string[],
    note: '',
    key: newIdempotencyKey(),
    busy: false,
    banner: '',
    max: { note: PROJECTS_TRACKING_LIMITS.noteMax },
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'contractDetail', { contractId: query.id ?? '' });
      if (!reply.ok) return reply;
      return { ok: true, data: { id: reply.data.id, title: reply.data.title } };
    },
    onScore(e: WechatMiniprogram.CustomEvent<{ value: number }, Record<string, never>, { index: number }>) {
      this.setData({ [`sheet[${e.currentTarget.dataset.index}].score`]: Number(e.detail.value) });
      this.setData({ total: this.data.sheet.reduce((t, l) => t + l.score, 0) });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value });
    },
    async onPhotos() {
      const picked = await pickPhotos(
        PROJECTS_TRACKING_LIMITS.filesFolder,
        PROJECTS_TRACKING_LIMITS.filesMax - this.data.photos.length,
      );
      this.setData({
        photos: [...this.data.photos, ...picked.fileIds],
        banner: picked.failed ? '有照片没有传上去，请再拍一次' : '',
      });
    },
    async onSubmit() {
      if (this.data.busy) return;
      if (this.data.photos.length === 0) {
        this.setData({ banner: '请至少拍一张现场照片' });
        return;
      }
      let location: { latitude: number; longitude: number };
      try {
        const res = await wx.getLocation({ type: 'gcj02' });
        location = { latitude: res.latitude, longitude: res.longitude };
      } catch {
        this.setData({ banner: '走访要记录地点，请在设置里允许使用位置后再试' });
        return;
      }
      this.setData({ busy: true, banner: '' });
      const reply = await call('projects', 'recordVisit', {
        contractId: this.data.id,
        location,
        photos: this.data.photos,
        sheet: this.data.sheet.map((l) => ({ key: l.key, score: l.score })),
        note: this.data.note,
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: `已记录，监管评分 ${reply.data.total}`, icon: 'none' });
      wx.navigateBack();
    },
  },
});
