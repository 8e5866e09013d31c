/**
 * 志愿服务证明: a certificate of the volunteer's verified hours, frozen with a code anyone can check (查验页 or the
 * function). Opening the page the same day shows the same certificate; "按最新时长重新开具" makes a new one.
 * "保存为图片" draws it on a canvas and saves it to the photo album, to show a school or an employer.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type PageQuery, pageQuery, remotePage } from '../../../../behaviors/remote-page';
import { mapReply, refusal } from '../../../../lib/page-state';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { type CertificateView } from '../../lib/views';
import { drawCertificate } from './draw';
import { dateKey, fullDateKeyText } from '../../../../shared/calendar';
import { call } from '../../../../lib/api';

/** One certificate per Beijing day unless asked anew (the key makes a repeated open return the same one). */
function todaysKey(): string {
  return `cert-${dateKey(Date.now())}`;
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    c: null as CertificateView | null,
    body: '',
    issuedText: '',
    saving: false,
  },
  methods: {
    /** Today's certificate (one a day: the key is the date), or a new one after 重新开具 (`key`). */
    async load(query: PageQuery) {
      const reply = await call('volunteering', 'issueCertificate', {
        idempotencyKey: query.key ?? todaysKey(),
      });
      // No confirmed hours yet (CONFLICT): trying again cannot help, so the page offers the way back instead.
      if (!reply.ok && reply.error.code === 'CONFLICT') return refusal(reply.error.message, 'NOT_FOUND');
      return mapReply(reply, (c) => ({
        c,
        issuedText: fullDateKeyText(c.issuedAt),
        body:
          `兹证明 ${c.realName} 于 ${fullDateKeyText(c.firstDate)} 至 ${fullDateKeyText(c.lastDate)} 期间参加志愿服务活动 ${c.activityCount} 次，` +
          `经组织方确认，累计志愿服务时长 ${c.verifiedHours} 小时` +
          (c.badge && c.badge !== '初心志愿者' ? `，达到${c.badge}标准。` : '。'),
      }));
    },
    onReissue() {
      void this.restart({ ...pageQuery(this), key: newIdempotencyKey() });
    },
    onCopyCode() {
      if (!this.data.c) return;
      wx.setClipboardData({ data: this.data.c.code });
    },
    async onSave() {
      const c = this.data.c;
      if (!c || this.data.saving) return;
      this.setData({ saving: true });
      try {
        const path = await drawCertificate(this, '#cert-canvas', c, this.data.body);
        await wx.saveImageToPhotosAlbum({ filePath: path });
        wx.showToast({ title: '已保存到相册', icon: 'success' });
      } catch (err) {
        const msg = String((err as { errMsg?: string }).errMsg ?? err);
        wx.showModal({
          title: '没有保存成功',
          content: /auth|deny/.test(msg)
            ? '需要允许保存到相册。请在右上角“…”→“设置”里打开“添加到相册”。'
            : '请截屏保存，或稍后再试。',
          showCancel: false,
        });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
