/**
 * 登记受助人, for admins: who (name, birth year), which group (80岁以上老人, 低收入家庭, 残疾人, 困境儿童), which
 * community of theirs, the address and phone delivery needs (nothing more: PIPL asks to collect the minimum), and
 * how consent was given — the consent wording is shown so the admin can read it to the person. One key per
 * registration until it succeeds; then the recipient's page opens.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { CommunityStat } from '../../../../lib/account';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import type { RecipientCategory } from '../../lib/views';
import { call } from '../../../../lib/api';

const GROUPS: { value: RecipientCategory; label: string }[] = [
  { value: 'elder80', label: '80岁以上老人' },
  { value: 'disabled', label: '残疾人' },
  { value: 'child', label: '困境儿童' },
  { value: 'lowIncome', label: '低收入家庭' },
];

const CONSENTS: { value: 'signed' | 'verbal' | 'guardian'; label: string }[] = [
  { value: 'signed', label: '本人签字' },
  { value: 'verbal', label: '本人口头同意' },
  { value: 'guardian', label: '监护人同意' },
];

const HINTS: Record<string, string> = {
  birthYear: '请写四位出生年份，如 1945',
  address: '请写配送用的住址',
  communityId: '请选择社区',
};

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    communities: [] as CommunityStat[],
    communityId: '',
    groups: GROUPS,
    category: 'elder80' as RecipientCategory,
    consents: CONSENTS,
    consent: 'signed' as 'signed' | 'verbal' | 'guardian',
    name: '',
    birthYear: '',
    address: '',
    phone: '',
    note: '',
    errors: {} as Record<string, string>,
    submitError: '',
    submitting: false,
    formKey: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.load();
    },
    async load() {
      const reply = await call('account', 'adminCommunities');
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      this.setData({ status: 'ready', communities: reply.data, communityId: reply.data[0]?.id ?? '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = (e.currentTarget as unknown as { dataset: { field: string } }).dataset.field;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '' });
    },
    onPick(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { field: string; value: string }
      >,
    ) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [field]: value });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const d = this.data;
      const errors: Record<string, string> = {};
      if (!d.name.trim()) errors.name = HINTS.name;
      if (d.address.trim().length < 2) errors.address = HINTS.address;
      if (d.birthYear && !/^\d{4}$/.test(d.birthYear)) errors.birthYear = HINTS.birthYear;
      if (Object.keys(errors).length > 0) {
        this.setData({ errors });
        return;
      }
      this.setData({ submitting: true, submitError: '', errors: {} });
      const key = d.formKey || newIdempotencyKey();
      this.setData({ formKey: key });
      const reply = await call('charity', 'registerRecipient', {
        name: d.name,
        category: d.category,
        ...(d.birthYear ? { birthYear: Number(d.birthYear) } : {}),
        communityId: d.communityId,
        address: d.address,
        ...(d.phone ? { phone: d.phone } : {}),
        consent: { method: d.consent, ...(d.note.trim() ? { note: d.note.trim() } : {}) },
        idempotencyKey: key,
      });
      if (!reply.ok) {
        this.setData({
          submitting: false,
          errors: plainFieldErrors(reply, HINTS),
          submitError: reply.error.code === 'INVALID_INPUT' ? '' : reply.error.message,
        });
        return;
      }
      this.setData({ submitting: false, formKey: '' });
      wx.redirectTo({ url: `/packages/charity/pages/recipient/index?id=${reply.data.id}` });
    },
  },
});
