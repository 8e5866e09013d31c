/**
 * 代老人登记: an admin creates the record of an elder who has no WeChat (or no phone) in a community they manage,
 * so family and staff can later act for them. The form's idempotency key makes a double tap register once.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { type PlaceView } from '../../../../lib/account';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { placesUnder } from '../../../../lib/places';
import { refusal } from '../../../../lib/page-state';
import { ensureSession } from '../../../../lib/session';
import type { PlacePicked } from '../../components/place-picker/index';
import { ACCOUNT_LIMITS, PERSON_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

const FIELD_HINTS: Record<string, string> = {
  realName: `请填老人的姓名（${PERSON_LIMITS.realNameMax} 个字以内）`,
  birthYear: `出生年份请填 ${PERSON_LIMITS.birthYearDigits} 位数字，例如 1938`,
  communityId: '请选择老人住的社区',
  address: '请填住址，例如“上元大街88号4栋101”',
  phone: `手机号是 ${PERSON_LIMITS.phoneDigits} 位数字，没有可以不填`,
};

type Field = 'realName' | 'birthYear' | 'address' | 'phone';

const EMPTY_FORM = {
  realName: '',
  birthYear: '',
  communityId: '',
  communityLabel: '',
  address: '',
  phone: '',
  errors: {} as Record<string, string>,
  banner: '',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    /** The form, or what was registered (with linking relatives to the elder). */
    step: 'form' as 'form' | 'done',
    places: [] as PlaceView[],
    pickerVisible: false,
    ...EMPTY_FORM,
    saving: false,
    requestKey: '',
    done: { name: '', detail: '' },
    elderId: '',
    relativeQuery: '',
    searching: false,
    candidates: [] as { id: string; title: string; description: string }[],
    searchedOnce: false,
    relativeId: '',
    linkRelation: '',
    linkError: '',
    linking: false,
    linked: [] as { id: string; text: string }[],
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      relation: ACCOUNT_LIMITS.relationMax,
      realName: PERSON_LIMITS.realNameMax,
      birthYear: PERSON_LIMITS.birthYearDigits,
      address: PERSON_LIMITS.addressMax,
      phone: PERSON_LIMITS.phoneDigits,
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ requestKey: newIdempotencyKey() });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const [session, places] = await Promise.all([ensureSession(), call('account', 'places')]);
      if (!session.ok) return session;
      if (!places.ok) return places;
      const scopes = session.me.roles
        .filter((r) => r.role === 'admin' && r.scopeId)
        .map((r) => r.scopeId as string);
      if (scopes.length === 0) return refusal('只有社区或街道管理员可以代老人登记');
      // Only the admin's own communities can be picked.
      const mine = new Map<string, PlaceView>();
      for (const id of scopes) for (const p of placesUnder(places.data, id)) mine.set(p.id, p);
      return { ok: true, data: { places: [...mine.values()] } };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: Field }>) {
      const field = e.currentTarget.dataset.field;
      const errors = { ...this.data.errors };
      delete errors[field];
      this.setData({ [field]: e.detail.value, errors });
    },
    onOpenPicker() {
      this.setData({ pickerVisible: true });
    },
    onPickerClose() {
      this.setData({ pickerVisible: false });
    },
    onPlacePicked(e: WechatMiniprogram.CustomEvent<PlacePicked>) {
      const errors = { ...this.data.errors };
      delete errors.communityId;
      this.setData({ communityId: e.detail.id, communityLabel: e.detail.names.join(' · '), errors });
    },
    async onSubmit() {
      if (this.data.saving) return;
      const d = this.data;
      if (!d.communityId) {
        this.setData({ errors: { ...d.errors, communityId: FIELD_HINTS.communityId } });
        return;
      }
      this.setData({ saving: true, banner: '', errors: {} });
      const reply = await call('account', 'registerElder', {
        realName: d.realName,
        // Not a number → null on the wire → the function reports the field.
        birthYear: Number(d.birthYear.trim()),
        communityId: d.communityId,
        address: d.address,
        ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
        idempotencyKey: d.requestKey,
      });
      if (reply.ok) {
        const e = reply.data;
        const detail = [e.communityName, e.age ? `${e.age} 岁` : '', e.address].filter(Boolean).join(' · ');
        this.setData({
          saving: false,
          step: 'done',
          done: { name: e.realName ?? e.nickname, detail },
          elderId: e.id,
          linked: [],
          candidates: [],
          searchedOnce: false,
        });
        return;
      }
      if (reply.error.code === 'INVALID_INPUT') {
        this.setData({
          saving: false,
          errors: plainFieldErrors(reply, FIELD_HINTS),
          banner: '有几项需要改一下，请看红字',
        });
      } else {
        this.setData({ saving: false, banner: reply.error.message });
      }
    },
    onAnother() {
      this.setData({ step: 'form', ...EMPTY_FORM, requestKey: newIdempotencyKey(), elderId: '' });
    },
    onRelativeQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ relativeQuery: e.detail.value });
    },
    /** Finds who may act for the elder: people with WeChat in the admin's scope. */
    async onFindRelative() {
      if (this.data.searching) return;
      this.setData({ searching: true, linkError: '' });
      const reply = await call('account', 'searchUsers', { query: this.data.relativeQuery.trim() });
      if (!reply.ok) {
        this.setData({ searching: false, linkError: reply.error.message });
        return;
      }
      const candidates = reply.data.items
        .filter((u) => u.kind === 'wechat')
        .map((u) => ({
          id: u.id,
          title: u.realNameMasked ? `${u.nickname}（${u.realNameMasked}）` : u.nickname,
          description: [u.communityName, u.phoneMasked].filter(Boolean).join(' · '),
        }));
      this.setData({ searching: false, searchedOnce: true, candidates, relativeId: '' });
    },
    onPickRelative(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      this.setData({ relativeId: e.currentTarget.dataset.id, linkError: '' });
    },
    onLinkRelation(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ linkRelation: e.detail.value, linkError: '' });
    },
    async onLink() {
      const d = this.data;
      if (d.linking) return;
      if (!d.relativeId) {
        this.setData({ linkError: '请先在上面找到并选中一位' });
        return;
      }
      this.setData({ linking: true, linkError: '' });
      const reply = await call('account', 'adminLink', {
        elderId: d.elderId,
        relativeId: d.relativeId,
        relation: d.linkRelation,
      });
      if (!reply.ok) {
        const relationError = plainFieldErrors(reply, {
          relation: '请写上他和老人的关系，如“女儿”“网格员”',
        }).relation;
        this.setData({ linking: false, linkError: relationError ?? reply.error.message });
        return;
      }
      const who = d.candidates.find((c) => c.id === d.relativeId)?.title ?? '';
      this.setData({
        linking: false,
        linked: [...d.linked, { id: reply.data.id, text: `${who}（${d.linkRelation.trim()}）` }],
        relativeId: '',
        linkRelation: '',
      });
      wx.showToast({ title: '已绑定', icon: 'success' });
    },
  },
});
