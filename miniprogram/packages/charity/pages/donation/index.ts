/**
 * 捐赠详情: one donation followed step by step — every step with its time and place — and a "核验" button that
 * has the function recompute the chain and say whether it is intact (and matches the published daily digest).
 * What else shows depends on who is looking (the function decides): the donor sees the code to show at the
 * supermarket until it is received, and may cancel; supermarket staff receive (by scanning the donor's code), allocate general stock to a
 * need — all of it or a few units at a time, each part followed on a page of its own — dispatch, and confirm with
 * the recipient's code; the delivering staff and admins of the recipient's place see the recipient's contact; the
 * recipient (or an admin for them) confirms and thanks. The recipient sees the code big, can have it read aloud
 * (微信同声传译, where available), has two big buttons 我收到了 and 谢谢 (a few words of thanks may be typed, or
 * spoken in elder mode), and a button to call their community.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { type DonationView, type StepResult } from '../../lib/views';
import type { CloudReply } from '../../../../lib/cloud';
import {
  donationNextStep,
  needCard,
  profileText,
  statusTheme,
  stepLine,
  type NeedCard,
  type StepLine,
} from '../../lib/words';
import { dateKeyText, dayText } from '../../../../shared/calendar';
import { CHARITY_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { digitsAloud } from '../../../../lib/speech';

/** What 谢谢 sends when the recipient wrote nothing. */
const PLAIN_THANKS = '谢谢您的爱心！';

/** What the page shows of a donation (small: no more than the screen needs). */
interface Shown {
  id: string;
  title: string;
  kind: string;
  status: string;
  statusLabel: string;
  statusTheme: string;
  who: string;
  donor: string;
  supermarket: { id: string; name: string; address: string };
  pledgeBy: string;
  code: string;
  confirmCode: string;
  /** The receipt code as 读给我听 says it, digit by digit. */
  codeAloud: string;
  contact: { name: string; phone: string; address: string; communityName: string } | null;
  thanks: string;
  /** The caller is its recipient. */
  forMe: boolean;
  /** The recipient's number to call about it. */
  helpline: { name: string; phone: string } | null;
  steps: StepLine[];
  can: DonationView['can'];
  /** Dispatch buttons: both before the first dispatch, then only a change of mode. */
  modes: { mode: 'delivery' | 'pickup'; label: string; primary: boolean }[];
  unit: string;
  /** A general-stock gift: units not yet allocated (-1 when not known), and where each part went. */
  remaining: number;
  parts: { id: string; title: string; who: string; statusLabel: string; statusTheme: string }[];
  /** A part: the gift it came from. */
  giftId: string;
  /** What happens next when the page offers the viewer nothing to do (no dead ends). */
  next: string;
}

function modes(d: DonationView): Shown['modes'] {
  if (!d.can.dispatch) return [];
  if (d.status === 'out_for_delivery')
    return [{ mode: 'pickup', label: '改为请受助人来超市领取', primary: false }];
  if (d.status === 'ready_for_pickup') return [{ mode: 'delivery', label: '改为送货上门', primary: false }];
  return [
    { mode: 'delivery', label: '我去送货上门', primary: true },
    { mode: 'pickup', label: '请受助人来超市领取', primary: false },
  ];
}

function shown(d: DonationView): Shown {
  return {
    id: d.id,
    title: `${d.item} ${d.receivedQuantity ?? d.quantity}${d.unit}`,
    kind: KIND_WORDS[d.kind],
    status: d.status,
    statusLabel: d.statusLabel,
    statusTheme: statusTheme(d.status),
    who: d.forMe ? '您' : d.recipient ? profileText(d.recipient) : '',
    donor: d.donor,
    supermarket: d.supermarket,
    pledgeBy: dayText(d.pledgeBy),
    code: d.code ?? '',
    confirmCode: d.confirmCode ?? '',
    codeAloud: d.confirmCode ? `您的收货码是：${digitsAloud(d.confirmCode)}` : '',
    contact: d.contact
      ? {
          name: d.contact.name,
          phone: d.contact.phone ?? '',
          address: d.contact.address,
          communityName: d.contact.communityName,
        }
      : null,
    thanks: d.thanks ?? '',
    forMe: d.forMe,
    helpline: d.helpline ?? null,
    steps: d.events.map((e) => stepLine(e, d.unit)).reverse(),
    can: d.can,
    modes: modes(d),
    unit: d.unit,
    remaining: d.remaining ?? -1,
    parts: (d.parts ?? []).map((p) => ({
      id: p.id,
      title: `${p.quantity}${d.unit}`,
      who: p.recipient ? profileText(p.recipient) : '',
      statusLabel: p.statusLabel,
      statusTheme: statusTheme(p.status),
    })),
    giftId: d.giftId ?? '',
    next: donationNextStep(d),
  };
}

const KIND_WORDS: Record<DonationView['kind'], string> = {
  need: '点对点捐赠',
  stock: '捐给超市统一调配',
  part: '超市统一调配的捐赠中分出的一份',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    id: '',
    fresh: false,
    d: null as Shown | null,
    verifying: false,
    verdict: null as { intact: boolean; headline: string; detail: string } | null,
    busy: '',
    actionError: '',
    code: '',
    thanks: '',
    picking: false,
    needs: [] as (NeedCard & { available: number })[],
    needsLoaded: false,
    /** The need chosen in the picker, and how many units of the gift go to it. */
    chosen: null as { id: string; title: string; profile: string; max: number; key: string } | null,
    qty: 1,
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { code: CHARITY_LIMITS.confirmCodeLength, thanks: CHARITY_LIMITS.thanksMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '', fresh: query.new === '1' });
      void this.reload(query);
    },
    async load() {
      return mapReply(await call('charity', 'donation', { donationId: this.data.id }), (d) => ({
        d: shown(d),
      }));
    },
    async onVerify() {
      this.setData({ verifying: true, verdict: null });
      const reply = await call('charity', 'verify', { donationId: this.data.id });
      if (!reply.ok) {
        this.setData({
          verifying: false,
          verdict: { intact: false, headline: '没能核验', detail: reply.error.message },
        });
        return;
      }
      const v = reply.data;
      const anchored = v.anchor ? `已与 ${dateKeyText(v.anchor.date)} 公示的记录核对一致。` : '';
      this.setData({
        verifying: false,
        verdict: v.intact
          ? {
              intact: true,
              headline: '记录完整，没有被改动',
              detail: `共 ${v.length} 步，每一步的哈希都对得上。${anchored}`,
            }
          : { intact: false, headline: '发现记录被改动', detail: v.firstBroken?.message ?? '' },
      });
    },
    /** Runs a step; shows its error under the buttons, or the donation as it is now. */
    async step(name: string, run: () => Promise<CloudReply<StepResult | DonationView>>) {
      if (this.data.busy) return;
      this.setData({ busy: name, actionError: '' });
      const reply = await run();
      if (!reply.ok) {
        this.setData({ busy: '', actionError: reply.error.message });
        return;
      }
      const d = 'donation' in reply.data ? reply.data.donation : reply.data;
      // Steps do not read the helpline again: keep the one loaded.
      const helpline = this.data.d?.helpline ?? null;
      this.setData({ busy: '', d: { ...shown(d), helpline }, code: '', picking: false, chosen: null });
    },
    async onCancel() {
      const sure = await wx.showModal({
        title: '取消认捐？',
        content: '取消后，这个心愿会重新开放给其他人认领。',
        confirmText: '取消认捐',
        cancelText: '再想想',
      });
      if (!sure.confirm) return;
      await this.step('cancel', () => call('charity', 'cancelPledge', { donationId: this.data.id }));
    },
    onReceive() {
      // Receiving needs the donor's code in hand (scanned at the counter), not just this page.
      wx.navigateTo({ url: '/packages/charity/pages/receive/index?scan=1' });
    },
    async onDispatch(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { mode: 'delivery' | 'pickup' }
      >,
    ) {
      const mode = e.currentTarget.dataset.mode;
      await this.step(mode, () => call('charity', 'dispatch', { donationId: this.data.id, mode }));
    },
    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value.replace(/\D/g, '').slice(0, 6), actionError: '' });
    },
    async onConfirmWithCode() {
      if (this.data.code.length !== 6) {
        this.setData({ actionError: `请输入受助人的 ${CHARITY_LIMITS.confirmCodeLength} 位收货码` });
        return;
      }
      await this.step('confirm-code', () =>
        call('charity', 'confirm', { donationId: this.data.id, code: this.data.code }),
      );
    },
    async onConfirm() {
      await this.step('confirm', () => call('charity', 'confirm', { donationId: this.data.id }));
    },
    onThanks(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ thanks: e.detail.value, actionError: '' });
    },
    async onThank() {
      const message = this.data.thanks.trim() || PLAIN_THANKS;
      await this.step('thank', () => call('charity', 'thank', { donationId: this.data.id, message }));
      if (!this.data.actionError) this.setData({ thanks: '' });
    },
    async onPickNeed() {
      const d = this.data.d;
      if (!d) return;
      this.setData({ picking: true, needs: [], needsLoaded: false, chosen: null });
      const reply = await call('charity', 'needs', { streetId: d.supermarket.id });
      if (!reply.ok) {
        this.setData({ picking: false, actionError: reply.error.message });
        return;
      }
      const open = reply.data.items.filter((n) => n.available > 0);
      this.setData({
        needs: open.map((n) => ({ ...needCard(n), available: n.available })),
        needsLoaded: true,
      });
    },
    onClosePicker() {
      this.setData({ picking: false, chosen: null });
    },
    /** A need picked: ask how many units of the gift go to it (at most what it still needs and what is left). */
    onChooseNeed(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const n = this.data.needs[e.currentTarget.dataset.index];
      const d = this.data.d;
      if (!n || !d) return;
      const max = Math.max(1, Math.min(n.available, d.remaining));
      const chosen = { id: n.id, title: n.title, profile: n.profile, max, key: newIdempotencyKey() };
      this.setData({ chosen, qty: max, actionError: '' });
    },
    onQty(e: WechatMiniprogram.CustomEvent<{ value: number | string }>) {
      this.setData({ qty: Number(e.detail.value) });
    },
    /** Always as a part (the gift keeps the rest): two staff on the same gift never allocate more than it holds. */
    async onAllocate() {
      const chosen = this.data.chosen;
      if (!chosen) return;
      const input = {
        donationId: this.data.id,
        needId: chosen.id,
        quantity: this.data.qty,
        idempotencyKey: chosen.key,
      };
      await this.step('allocate', () => call('charity', 'allocate', input));
    },
    onOpenPart(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      wx.navigateTo({ url: `/packages/charity/pages/donation/index?id=${e.currentTarget.dataset.id}` });
    },
    onOpenGift() {
      wx.navigateTo({ url: `/packages/charity/pages/donation/index?id=${this.data.d?.giftId ?? ''}` });
    },
    onCall() {
      const phone = this.data.d?.contact?.phone;
      if (phone) void wx.makePhoneCall({ phoneNumber: phone });
    },
    onCallHelpline() {
      const phone = this.data.d?.helpline?.phone;
      if (phone) void wx.makePhoneCall({ phoneNumber: phone });
    },
  },
});
