/**
 * A report's page: what and where, photos, where it is now and by when, the timeline (who took each step, by role;
 * the reporter only as "居民"), and what the person may do now — follow; as the grid team, confirm on site (with a
 * photo and where they are) or call the reporter back; as the department, accept and resolve with a result photo;
 * as the street, send it to another department; as the reporter, confirm and rate, or say it is not solved (once).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import type { CloudReply } from '../../../../lib/cloud';
import { pickPhotos } from '../../../../lib/photos';
import { REPORTS_LIMITS } from '../../../../shared/limits';
import { askProgressConsent } from '../../lib/templates';
import type { ReportDetail } from '../../lib/views';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;
type Input = WechatMiniprogram.CustomEvent<{ value: string }>;

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    id: '',
    report: null as ReportDetail | null,
    note: '',
    photos: [] as string[],
    rating: 5,
    phone: null as { name: string; phone: string } | null,
    banner: '',
    busy: '',
    max: { note: REPORTS_LIMITS.noteMax, photos: REPORTS_LIMITS.photosMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('reports', 'reportDetail', { reportId: this.data.id });
      if (!reply.ok) return reply;
      return { ok: true, data: { report: reply.data } };
    },
    onNote(e: Input) {
      this.setData({ note: e.detail.value });
    },
    onRate(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ rating: e.detail.value });
    },
    async onAddPhotos() {
      const picked = await pickPhotos(
        REPORTS_LIMITS.photoFolder,
        REPORTS_LIMITS.photosMax - this.data.photos.length,
      );
      this.setData({
        photos: [...this.data.photos, ...picked.fileIds],
        banner: picked.failed ? '有照片没传上去，请再选一次' : '',
      });
    },
    /** Runs one step and shows the report as it is after it (or why not). */
    async step(name: string, run: () => Promise<CloudReply<ReportDetail>>, done: string) {
      if (this.data.busy) return;
      this.setData({ busy: name, banner: '' });
      const reply = await run();
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      this.setData({ report: reply.data, note: '', photos: [] });
      wx.showToast({ title: done, icon: 'none' });
    },
    async onFollow(e: Tap<{ follow: boolean }>) {
      const follow = Boolean(e.currentTarget.dataset.follow);
      if (follow) await askProgressConsent();
      const reply = await call('reports', 'follow', { reportId: this.data.id, follow });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      await this.reload({ id: this.data.id });
    },
    async onPatrol(e: Tap<{ found: boolean }>) {
      const found = Boolean(e.currentTarget.dataset.found);
      let location: { latitude: number; longitude: number };
      try {
        const loc = await wx.getLocation({ type: 'gcj02' });
        location = { latitude: loc.latitude, longitude: loc.longitude };
      } catch {
        this.setData({ banner: '核实要记下您在哪里，请允许使用位置后再点。' });
        return;
      }
      const { note, photos } = this.data;
      await this.step(
        'patrol',
        () => call('reports', 'patrolConfirm', { reportId: this.data.id, found, note, photos, location }),
        found ? '已核实，派给部门' : '已记为不属实',
      );
    },
    async onCallBack() {
      const reply = await call('reports', 'callBack', { reportId: this.data.id });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      this.setData({ phone: reply.data });
    },
    onDial() {
      if (this.data.phone) void wx.makePhoneCall({ phoneNumber: this.data.phone.phone });
    },
    async onAccept() {
      await this.step('accept', () => call('reports', 'accept', { reportId: this.data.id }), '已受理');
    },
    async onResolve() {
      const { note, photos } = this.data;
      if (!note.trim() || photos.length === 0) {
        this.setData({ banner: '请写下怎么处理的，并拍一张处理后的照片' });
        return;
      }
      await this.step(
        'resolve',
        () => call('reports', 'resolve', { reportId: this.data.id, note, photos }),
        '已办结',
      );
    },
    async onDispatch(e: Tap<{ id: string; name: string }>) {
      const { id, name } = e.currentTarget.dataset;
      const answer = await wx.showModal({
        title: '改派部门',
        content: `把这条报告派给${name}吗？时限从现在重新计算。`,
        confirmText: '派给它',
        cancelText: '不派',
      });
      if (!answer.confirm) return;
      await this.step(
        'dispatch',
        () => call('reports', 'dispatch', { reportId: this.data.id, departmentId: id, note: this.data.note }),
        `已派给${name}`,
      );
    },
    async onReopen() {
      const reason = this.data.note.trim();
      if (!reason) {
        this.setData({ banner: '请说说哪里还没解决' });
        return;
      }
      await this.step(
        'reopen',
        () => call('reports', 'reopen', { reportId: this.data.id, reason }),
        '已退回部门',
      );
    },
    async onClose() {
      const { rating, note } = this.data;
      await this.step(
        'close',
        () => call('reports', 'closeReport', { reportId: this.data.id, rating, comment: note }),
        '谢谢您的评价',
      );
    },
  },
});
