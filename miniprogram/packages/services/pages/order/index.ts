/**
 * 订单详情: one order for whoever may see it — the resident side (timeline, cancel before acceptance, rate after
 * the service), the organization's staff (accept or decline with a reason; the one who accepted: check in with
 * the phone's location — outside the agreed time or place only with a written reason, asked for up front when
 * the time is already outside and whenever the function says one is needed — check out with notes and photos),
 * admins (phone callback with the number to dial, give an order nobody took to an organization). Once accepted,
 * the resident side sees 谁来上门: the staff member's name and photo, and a button to call the work number their
 * organization gave. What shows is what the function says the viewer may do (`can`); address and phone are as
 * the function sent them (in full to the staff member who accepted, the admin calling back, and the person served).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import type { CloudReply } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import {
  SERVICES_PAGES,
  orderNextStep,
  statusTheme,
  type OrderActions,
  type OrderView,
} from '../../../../lib/services';
import { dayClockText } from '../../../../shared/calendar';
import { SERVICES_LIMITS } from '../../../../shared/limits';
import { call, type ActionResult } from '../../../../lib/api';

/** A line of the timeline as shown. */
interface Step {
  /** Position in the list (times and people repeat, so they cannot be keys). */
  key: string;
  text: string;
  when: string;
  note: string;
}

/** What the page shows of an order (a subset of OrderView, kept small for setData). */
interface Shown {
  id: string;
  itemName: string;
  statusText: string;
  theme: string;
  slotLabel: string;
  who: string;
  communityName: string;
  orgName: string;
  staffName: string;
  address: string;
  phone: string;
  contactRevealed: boolean;
  note: string;
  subsidyText: string;
  escalated: boolean;
  deadline: string;
  checkOutNotes: string;
  photos: string[];
  survey: string;
  /** 再来一单: the item's page filled from this order ('' when it cannot be repeated by this viewer). */
  againUrl: string;
  /** What happens next, when this viewer has nothing to do here. */
  next: string;
}

function shown(o: OrderView): Shown {
  return {
    id: o.id,
    itemName: o.itemName,
    statusText: o.statusText,
    theme: statusTheme(o.status),
    slotLabel: o.slotLabel,
    who: `${o.beneficiaryName}${o.age ? `（${o.age} 岁）` : ''}`,
    communityName: o.communityName,
    orgName: o.orgName ?? '',
    staffName: o.staffName ?? '',
    address: o.address,
    phone: o.phone,
    contactRevealed: o.contactRevealed,
    note: o.note,
    subsidyText: o.subsidy.text,
    escalated: o.escalated,
    deadline: o.acceptDeadline ? dayClockText(o.acceptDeadline) : '',
    checkOutNotes: o.checkOut?.notes ?? '',
    photos: o.checkOut?.photos ?? [],
    againUrl: o.can.repeat ? SERVICES_PAGES.again(o) : '',
    survey: o.survey
      ? `${'★'.repeat(o.survey.rating)}${o.survey.comment ? ` “${o.survey.comment}”` : ''}${o.survey.complaint ? '（有投诉）' : ''}${o.survey.by === 'phone' ? ' · 电话回访' : ''}`
      : '',
    next: orderNextStep(o),
  };
}

/** 谁来上门 as shown: the photo as a link the page can draw (the cloud file id works in WeChat). */
interface Worker {
  name: string;
  photo: string;
  phone: string;
}

function workerShown(o: OrderView): Worker | null {
  return o.worker
    ? { name: o.worker.name, photo: o.worker.avatarFileId ?? '', phone: o.worker.workPhone ?? '' }
    : null;
}

/** What the check-in box says before the tap when the time is already outside the agreed window. */
const ASK_BEFORE: Record<'early' | 'late', string> = {
  early: '现在还没到约定的签到时间。如确需现在签到，请写明原因。',
  late: '已经过了约定的签到时间。如确需现在签到，请写明原因。',
};

/** Shown under the reason when the function refused its length. */
const REASON_HINTS = { reason: `原因请写短一些，最多 ${SERVICES_LIMITS.checkInReasonMax} 个字` };

const NO_ACTIONS: OrderActions = {
  cancel: false,
  rate: false,
  accept: false,
  decline: false,
  checkIn: false,
  checkOut: false,
  callback: false,
  assign: false,
  repeat: false,
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    orderId: '',
    order: null as Shown | null,
    worker: null as Worker | null,
    steps: [] as Step[],
    can: NO_ACTIONS,
    busy: false,
    reason: '',
    rating: 5,
    comment: '',
    complaint: false,
    notes: '',
    photos: [] as string[],
    orgs: [] as { id: string; name: string }[],
    /** When and where check-in needs no reason (for the staff member who may check in). */
    checkInWindow: '',
    /** Why a reason is needed before checking in; empty while none is. */
    ask: '',
    reasonError: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      reason: SERVICES_LIMITS.checkInReasonMax,
      notes: SERVICES_LIMITS.checkOutNotesMax,
      comment: SERVICES_LIMITS.commentMax,
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ orderId: query.id ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('services', 'orderDetail', { orderId: this.data.orderId });
      return reply.ok ? { ok: true, data: this.orderData(reply.data) } : reply;
    },
    /** 再来一单: the booking filled from this order. */
    onAgain() {
      if (this.data.order?.againUrl) wx.navigateTo({ url: this.data.order.againUrl });
    },
    /** What the page shows of an order (after loading, and after each action that returns it). */
    orderData(o: OrderView) {
      const window = o.checkInWindow;
      return {
        checkInWindow: window?.text ?? '',
        ask: window && window.now !== 'open' ? ASK_BEFORE[window.now] : '',
        reasonError: '',
        order: shown(o),
        worker: workerShown(o),
        steps: [...o.timeline].reverse().map((t, i) => ({
          key: String(o.timeline.length - i),
          text: t.text,
          when: `${dayClockText(t.at)} · ${t.byName}`,
          note: t.note ?? '',
        })),
        can: o.can,
        orgs: o.assignable ?? [],
        busy: false,
      };
    },
    /**
     * Runs an action that returns the order, then shows it (or the error). `handled` may take a refusal the page
     * answers in place (returns true) instead of the generic dialog.
     */
    async act(
      run: () => Promise<CloudReply<ActionResult<'services', 'acceptOrder'>>>,
      done: string,
      handled?: (refusal: Extract<CloudReply<unknown>, { ok: false }>) => boolean,
    ) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const reply = await run();
      if (!reply.ok) {
        this.setData({ busy: false });
        if (handled?.(reply)) return;
        wx.showModal({ title: '没有成功', content: reply.error.message, showCancel: false });
        if (reply.error.code === 'CONFLICT') void this.reload();
        return;
      }
      wx.showToast({ title: done, icon: 'success' });
      this.setData({ reason: '', comment: '', notes: '', photos: [], ...this.orderData(reply.data) });
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const { field } = e.currentTarget.dataset;
      this.setData({ [field]: e.detail.value, ...(field === 'reason' ? { reasonError: '' } : {}) });
    },
    onRating(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ rating: e.detail.value });
    },
    onComplaint() {
      this.setData({ complaint: !this.data.complaint });
    },
    async onCancel() {
      const { confirm } = await wx.showModal({
        title: '取消这次预约？',
        content: '取消后名额会让给别人',
        confirmText: '取消预约',
        cancelText: '再想想',
      });
      if (!confirm) return;
      this.act(
        () => call('services', 'cancelOrder', { orderId: this.data.orderId, reason: this.data.reason }),
        '已取消',
      );
    },
    onRate() {
      const { rating, comment, complaint } = this.data;
      this.act(
        () => call('services', 'rateOrder', { orderId: this.data.orderId, rating, comment, complaint }),
        '谢谢您的评价',
      );
    },
    onCallback() {
      const { rating, comment, complaint } = this.data;
      this.act(
        () => call('services', 'phoneCallback', { orderId: this.data.orderId, rating, comment, complaint }),
        '已记录回访',
      );
    },
    onAccept() {
      this.act(() => call('services', 'acceptOrder', { orderId: this.data.orderId }), '已接单');
    },
    onDecline() {
      if (!this.data.reason.trim()) {
        wx.showToast({ title: '请写一下不能接单的原因', icon: 'none' });
        return;
      }
      this.act(
        () =>
          call('services', 'declineOrder', { orderId: this.data.orderId, reason: this.data.reason.trim() }),
        '已退回',
      );
    },
    async onCheckIn() {
      const reason = this.data.reason.trim();
      if (this.data.ask && !reason) {
        this.setData({ reasonError: '请先写明原因' });
        return;
      }
      let location: { latitude: number; longitude: number };
      try {
        const res = await wx.getLocation({ type: 'gcj02' });
        location = { latitude: res.latitude, longitude: res.longitude };
      } catch {
        wx.showModal({
          title: '需要您的位置',
          content: '签到要记录服务地点，请在设置里允许使用位置后再试',
          showCancel: false,
        });
        return;
      }
      const sent = this.data.ask ? reason : '';
      this.act(
        () =>
          call('services', 'checkIn', {
            orderId: this.data.orderId,
            location,
            ...(sent ? { reason: sent } : {}),
          }),
        '已签到',
        (reply) => {
          // Outside the agreed time or place: the function says why; ask for the reason right here.
          const errors = plainFieldErrors(reply, REASON_HINTS);
          if (!('reason' in errors)) return false;
          this.setData({
            ask: sent ? this.data.ask : reply.error.message,
            reasonError: sent ? errors.reason! : '',
          });
          return true;
        },
      );
    },
    async onAddPhoto() {
      try {
        const res = await wx.chooseMedia({
          count: 6 - this.data.photos.length,
          mediaType: ['image'],
          sizeType: ['compressed'],
        });
        this.setData({
          photos: [...this.data.photos, ...res.tempFiles.map((f) => f.tempFilePath)].slice(0, 6),
        });
      } catch {
        // Backed out of the picker: nothing to do.
      }
    },
    onRemovePhoto(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const photos = [...this.data.photos];
      photos.splice(e.currentTarget.dataset.index, 1);
      this.setData({ photos });
    },
    async onCheckOut() {
      const notes = this.data.notes.trim();
      if (!notes) {
        wx.showToast({ title: '请写一下这次做了什么', icon: 'none' });
        return;
      }
      this.setData({ busy: true });
      const fileIds: string[] = [];
      for (const [k, filePath] of this.data.photos.entries()) {
        try {
          const up = await wx.cloud.uploadFile({
            cloudPath: `services/${this.data.orderId}/${Date.now()}-${k}.jpg`,
            filePath,
          });
          fileIds.push(up.fileID);
        } catch {
          this.setData({ busy: false });
          wx.showToast({ title: '照片没有传上去，请再试一次', icon: 'none' });
          return;
        }
      }
      let location: { latitude: number; longitude: number } | undefined;
      try {
        const res = await wx.getLocation({ type: 'gcj02' });
        location = { latitude: res.latitude, longitude: res.longitude };
      } catch {
        // Signing out works without a location.
      }
      this.setData({ busy: false });
      this.act(
        () =>
          call('services', 'checkOut', {
            orderId: this.data.orderId,
            notes,
            photos: fileIds,
            ...(location ? { location } : {}),
          }),
        '服务完成',
      );
    },
    onAssign(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const orgId = e.currentTarget.dataset.id;
      this.act(() => call('services', 'assignOrder', { orderId: this.data.orderId, orgId }), '已派单');
    },
    onCall() {
      if (this.data.order?.contactRevealed) void wx.makePhoneCall({ phoneNumber: this.data.order.phone });
    },
    onCallWorker() {
      if (this.data.worker?.phone) void wx.makePhoneCall({ phoneNumber: this.data.worker.phone });
    },
  },
});
