/**
 * 受助人详情, for admins of the recipient's place: the record in full with its consent, their needs and the
 * donations coming to them — with the one-time 收货码 of those on their way, for the admin to pass on to an elder
 * without WeChat — a button to post a need, address and phone corrections, and stopping the registration
 * (consent withdrawn, moved away), which closes their open needs.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { type RecipientDetailView } from '../../lib/views';
import { donationCard, needCard, type DonationCard, type NeedCard } from '../../lib/words';
import { dayText } from '../../../../shared/calendar';
import { PERSON_LIMITS } from '../../../../shared/limits';
import { CONSENT_METHOD_LABELS } from '../../../../shared/choices';
import { call } from '../../../../lib/api';

interface Person {
  id: string;
  name: string;
  line: string;
  address: string;
  phone: string;
  consent: string;
  active: boolean;
  publicLine: string;
}

function person(r: RecipientDetailView): Person {
  return {
    id: r.id,
    name: r.name,
    line: [r.categoryLabel, r.age !== undefined ? `${r.age}岁` : '', r.communityName]
      .filter(Boolean)
      .join(' · '),
    address: r.address,
    phone: r.phone ?? '',
    consent: `${CONSENT_METHOD_LABELS[r.consent.method]}，${dayText(r.consent.recordedAt)} 登记${r.consent.note ? `（${r.consent.note}）` : ''}`,
    active: r.active,
    publicLine: [
      r.publicProfile.name,
      r.publicProfile.age !== undefined ? `${r.publicProfile.age}岁` : '',
      r.publicProfile.street,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    id: '',
    p: null as Person | null,
    needs: [] as NeedCard[],
    donations: [] as DonationCard[],
    editing: false,
    address: '',
    phone: '',
    saving: false,
    saveError: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { address: PERSON_LIMITS.addressMax, phone: PERSON_LIMITS.phoneDigits },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('charity', 'recipientDetail', { recipientId: this.data.id });
      if (!reply.ok) return reply;
      const r = reply.data;
      return {
        ok: true,
        data: {
          p: person(r),
          needs: r.needs.map(needCard),
          donations: r.donations.map((d) => donationCard(d)),
          address: r.address,
          phone: r.phone ?? '',
        },
      };
    },
    onEdit() {
      this.setData({ editing: true, saveError: '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = (e.currentTarget as unknown as { dataset: { field: string } }).dataset.field;
      this.setData({ [field]: e.detail.value, saveError: '' });
    },
    async save(change: { address?: string; phone?: string; active?: boolean; reason?: string }) {
      this.setData({ saving: true, saveError: '' });
      const reply = await call('charity', 'updateRecipient', { recipientId: this.data.id, ...change });
      if (!reply.ok) {
        this.setData({ saving: false, saveError: reply.error.message });
        return;
      }
      this.setData({ saving: false, editing: false });
      await this.reload();
    },
    async onSave() {
      await this.save({ address: this.data.address, phone: this.data.phone, reason: '核对更正' });
    },
    async onStop() {
      const sure = await wx.showModal({
        title: '停止登记？',
        content: '停止后，此人未完成的心愿会关闭（已认捐的物品仍会送到）。',
        confirmText: '停止登记',
        cancelText: '再想想',
      });
      if (!sure.confirm) return;
      await this.save({ active: false, reason: '停止登记' });
    },
    async onRestart() {
      await this.save({ active: true, reason: '恢复登记' });
    },
    onPostNeed() {
      wx.navigateTo({ url: `/packages/charity/pages/need-edit/index?recipientId=${this.data.id}` });
    },
  },
});
