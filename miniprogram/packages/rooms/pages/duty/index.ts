/**
 * 今日值守 (room managers, 义务管理员): open the room and lock it (the time counts as volunteering time), today's
 * bookings with each booker's name and how many come (no phones), check people in by the code on their phone —
 * scanned or typed — or by name for elders without a phone, the teams meeting today, and reporting a broken item.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { ROOMS_LIMITS } from '../../../../shared/limits';
import type { DutyView } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

const CODE = new RegExp(`^\\d{${ROOMS_LIMITS.codeLength}}$`);

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    duty: null as DutyView | null,
    code: '',
    busy: '',
    banner: '',
    result: '',
    issue: '',
    issueKey: '',
    max: { code: ROOMS_LIMITS.codeLength, issue: ROOMS_LIMITS.issueMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ issueKey: newIdempotencyKey() });
      void this.reload(query);
    },
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('rooms', 'dutyToday', query.roomId ? { roomId: query.roomId } : {});
      if (!reply.ok) return reply;
      return { ok: true, data: { duty: reply.data } };
    },
    roomId(): string {
      return this.data.duty?.room.id ?? '';
    },
    onRoom(e: Tap) {
      this.setData({ banner: '', result: '' });
      void this.reload({ ...pageQuery(this), roomId: e.currentTarget.dataset.id });
    },
    async onDoor() {
      const duty = this.data.duty;
      if (!duty || this.data.busy) return;
      this.setData({ busy: 'door', banner: '', result: '' });
      const reply = duty.room.open
        ? await call('rooms', 'closeRoom', { roomId: duty.room.id })
        : await call('rooms', 'openRoom', { roomId: duty.room.id });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      this.setData({ result: reply.data.text });
      await this.reload({ ...pageQuery(this), roomId: duty.room.id });
    },
    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value });
    },
    async checkIn(input: { code: string } | { bookingId: string }, busy: string) {
      this.setData({ busy, banner: '', result: '' });
      const reply = await call('rooms', 'checkIn', { roomId: this.roomId(), ...input });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      const r = reply.data;
      this.setData({
        code: '',
        result: `${r.name} ${r.timeText} ${r.people} 人${r.already ? '，之前已签到' : '，签到成功'}`,
      });
      await this.reload({ ...pageQuery(this), roomId: this.roomId() });
    },
    async onCheckCode() {
      const code = this.data.code.trim();
      if (!CODE.test(code)) {
        this.setData({ banner: `预约码是 ${ROOMS_LIMITS.codeLength} 位数字` });
        return;
      }
      await this.checkIn({ code }, 'code');
    },
    async onScan() {
      let code = '';
      try {
        code = (await wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result.trim();
      } catch {
        return;
      }
      if (!CODE.test(code)) {
        this.setData({ banner: '这不是活动室的预约码，请扫居民“我的预约”里的二维码' });
        return;
      }
      await this.checkIn({ code }, 'scan');
    },
    async onCheckName(e: Tap) {
      await this.checkIn({ bookingId: e.currentTarget.dataset.id }, e.currentTarget.dataset.id);
    },
    onIssue(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ issue: e.detail.value });
    },
    async onReport() {
      if (this.data.busy) return;
      this.setData({ busy: 'issue', banner: '', result: '' });
      const reply = await call('rooms', 'reportIssue', {
        roomId: this.roomId(),
        text: this.data.issue,
        idempotencyKey: this.data.issueKey,
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({
          banner: reply.error.code === 'INVALID_INPUT' ? '请写一下哪里坏了' : reply.error.message,
        });
        return;
      }
      this.setData({ issue: '', issueKey: newIdempotencyKey(), result: '已报修，社区会尽快安排' });
    },
  },
});
