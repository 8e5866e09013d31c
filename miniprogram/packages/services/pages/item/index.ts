/**
 * 服务详情与预约: what the service is, who may order it (in plain words), and the order form — for whom (self,
 * a linked elder, or — admins — the person they came from), which half day (places left shown), the address
 * and phone on file or others, a note. The first half day with a place left is chosen already, and a bar at the
 * bottom says what she pays (the function's quote) beside 确认预约. People who may not order the item are greyed
 * with the reason. `?again=<order>` repeats a past order (再来一单): its address and note, one tap to confirm; an
 * item gone from the menu says so and points to the menu. Consent to order messages is asked at the tap; a
 * retried tap places one order (one idempotency key per form).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, pageQuery, remotePage } from '../../../../behaviors/remote-page';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import {
  askOrderConsent,
  SERVICES_PAGES,
  type BeneficiaryOption,
  type ItemCard,
  type ItemDetail,
  type AgainView,
  type SlotView,
} from '../../../../lib/services';
import { PERSON_LIMITS, SERVICES_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

/** One day of the calendar with its two half days (a half day gone by is a blank, so columns line up). */
interface DayRow {
  date: string;
  weekday: string;
  halves: { key: string; name: string; left: number; index: number; blank: boolean }[];
}

function daysOf(slots: SlotView[]): DayRow[] {
  const rows: DayRow[] = [];
  slots.forEach((s, index) => {
    const [date = '', weekday = '', half = ''] = s.label.split(' ');
    let row = rows[rows.length - 1];
    if (!row || row.date !== date) {
      rows.push((row = { date, weekday, halves: [] }));
      if (s.key.endsWith('/pm'))
        row.halves.push({ key: `${s.key}-gone`, name: '', left: 0, index: -1, blank: true });
    }
    row.halves.push({ key: s.key, name: half, left: s.left, index, blank: false });
  });
  return rows;
}

const HINTS: Record<string, string> = {
  slot: '请选一个还有名额的时段',
  address: '请填写上门服务的地址（至少 4 个字）',
  contactPhone: `请填写 ${PERSON_LIMITS.phoneDigits} 位手机号`,
  note: `备注最多 ${SERVICES_LIMITS.noteMax} 字`,
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    itemId: '',
    item: null as ItemCard | null,
    orgNames: '',
    availableHere: true,
    beneficiaries: [] as BeneficiaryOption[],
    beneficiaryId: '',
    chosen: null as BeneficiaryOption | null,
    days: [] as DayRow[],
    slot: '',
    slotLabel: '',
    addressOnFile: '',
    hasPhoneOnFile: false,
    /** 再来一单: the order repeated; or why it cannot be (the item left the menu). */
    again: null as AgainView | null,
    gone: '',
    otherAddress: false,
    address: '',
    contactPhone: '',
    note: '',
    errors: {} as Record<string, string>,
    submitting: false,
    idempotencyKey: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { phone: PERSON_LIMITS.phoneDigits, note: SERVICES_LIMITS.noteMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ itemId: query.id ?? '', idempotencyKey: newIdempotencyKey() });
      void this.reload(query);
    },
    /** The item and its form, for `?for=<id>` (a linked elder, or for admins the person they came from). */
    async load(query: PageQuery): Promise<LoadResult> {
      const beneficiaryId = query.for;
      const reply = await call('services', 'itemDetail', {
        itemId: this.data.itemId,
        ...(beneficiaryId ? { beneficiaryId } : {}),
        ...(query.again ? { again: query.again } : {}),
      });
      // 再来一单 of a service taken off the menu: say so, and where to look instead (not an error state).
      if (!reply.ok && query.again && reply.error.code === 'NOT_FOUND')
        return { ok: true, data: { gone: reply.error.message, item: null } };
      if (!reply.ok) return reply;
      const d: ItemDetail = reply.data;
      wx.setNavigationBarTitle?.({ title: d.item.name });
      const next = d.slots.find((s) => s.key === d.nextSlot);
      return {
        ok: true,
        data: {
          gone: '',
          again: d.again ?? null,
          item: d.item,
          orgNames: d.item.orgNames.join('、'),
          availableHere: d.availableHere,
          beneficiaries: d.beneficiaries,
          beneficiaryId: d.beneficiaryId,
          chosen: d.beneficiaries.find((b) => b.id === d.beneficiaryId) ?? null,
          days: daysOf(d.slots),
          slot: next?.key ?? '',
          slotLabel: next?.label ?? '',
          addressOnFile: d.again?.addressMasked ?? d.addressOnFileMasked ?? '',
          hasPhoneOnFile: d.hasPhoneOnFile || Boolean(d.again),
          otherAddress: !d.again && !d.addressOnFileMasked,
          note: d.again?.note ?? this.data.note,
          errors: {},
        },
      };
    },
    onWho(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const { id } = e.currentTarget.dataset;
      if (id === this.data.beneficiaryId) return;
      const person = this.data.beneficiaries.find((b) => b.id === id);
      // Greyed: the function said this person may not order it; the reason is on the line, and said again.
      if (person && !person.eligible) {
        wx.showToast({ title: person.eligibleText, icon: 'none' });
        return;
      }
      // Another person: a fresh form (再来一单 repeats the order for its own person only).
      const { again: _again, ...query } = pageQuery(this);
      void this.restart({ ...query, for: id });
    },
    onSlot(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { key: string; left: number; label: string }
      >,
    ) {
      const { key, left, label } = e.currentTarget.dataset;
      if (left <= 0) {
        wx.showToast({ title: '这个时段约满了', icon: 'none' });
        return;
      }
      this.setData({ slot: key, slotLabel: label, 'errors.slot': '' });
    },
    /** A way forward when this item cannot be ordered: the whole menu. */
    onMenu() {
      wx.switchTab({ url: '/pages/services/index' });
    },
    onOtherAddress() {
      this.setData({ otherAddress: !this.data.otherAddress, address: '' });
    },
    onAddress(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ address: e.detail.value, 'errors.address': '' });
    },
    onPhone(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ contactPhone: e.detail.value, 'errors.contactPhone': '' });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      if (!this.data.slot) {
        this.setData({ 'errors.slot': HINTS.slot });
        return;
      }
      this.setData({ submitting: true });
      const subscribed = await askOrderConsent();
      const reply = await call('services', 'placeOrder', {
        itemId: this.data.itemId,
        slot: this.data.slot,
        beneficiaryId: this.data.beneficiaryId,
        ...(this.data.again && !this.data.otherAddress ? { again: this.data.again.orderId } : {}),
        ...(this.data.otherAddress && this.data.address.trim() ? { address: this.data.address.trim() } : {}),
        ...(this.data.contactPhone.trim() ? { contactPhone: this.data.contactPhone.trim() } : {}),
        note: this.data.note,
        subscribed,
        idempotencyKey: this.data.idempotencyKey,
      });
      this.setData({ submitting: false });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, HINTS);
        if (Object.keys(errors).length > 0) this.setData({ errors });
        else wx.showModal({ title: '没有约上', content: reply.error.message, showCancel: false });
        // Someone took the last place meanwhile: show the places as they are now, the form stays.
        if (reply.error.code === 'LIMIT_REACHED')
          void this.reload({ ...pageQuery(this), for: this.data.beneficiaryId });
        return;
      }
      this.setData({ idempotencyKey: newIdempotencyKey() });
      wx.showToast({ title: '预约成功', icon: 'success' });
      wx.redirectTo({ url: SERVICES_PAGES.order(reply.data.id) });
    },
  },
});
