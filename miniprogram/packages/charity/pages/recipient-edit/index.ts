/**
 * 登记受助人, for admins: who (name, birth year), which group (80岁以上老人, 低收入家庭, 残疾人, 困境儿童), which
 * community of theirs, the address and phone delivery needs (nothing more: PIPL asks to collect the minimum), and
 * how consent was given — the consent wording is shown so the admin can read it to the person. One key per
 * registration until it succeeds; then the recipient's page opens.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { remotePage } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { type CommunityStat } from '../../../../lib/account';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { type RecipientCategory } from '../../lib/views';
import { CHARITY_LIMITS, PERSON_LIMITS } from '../../../../shared/limits';
import {
  choicesOf,
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  RECIPIENT_CATEGORIES,
  RECIPIENT_CATEGORY_LABELS,
} from '../../../../shared/choices';
import { call } from '../../../../lib/api';

const GROUPS = choicesOf(RECIPIENT_CATEGORIES, RECIPIENT_CATEGORY_LABELS);
const CONSENTS = choicesOf(CONSENT_METHODS, CONSENT_METHOD_LABELS);

const HINTS: Record<string, string> = {
  name: `请写姓名（${PERSON_LIMITS.realNameMax} 字以内）`,
  birthYear: '请写四位出生年份，如 1945',
  address: '请写配送用的住址',
  phone: `请写 ${PERSON_LIMITS.phoneDigits} 位手机号，或不填`,
  communityId: '请选择社区',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
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
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      name: PERSON_LIMITS.realNameMax,
      birthYear: PERSON_LIMITS.birthYearDigits,
      address: PERSON_LIMITS.addressMax,
      phone: PERSON_LIMITS.phoneDigits,
      note: CHARITY_LIMITS.consentNoteMax,
    },
  },
  methods: {
    async load() {
      return mapReply(await call('account', 'adminCommunities'), (communities) => ({
        communities,
        communityId: communities[0]?.id ?? '',
      }));
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
