/**
 * 慈善超市设置, for admins over a street: open (or update) the street's charity supermarket — its name, address,
 * opening hours and phone (shown to donors) — and choose which social organizations' staff run it (they then
 * receive, allocate and deliver). Streets come from the admin's scope.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { refusal } from '../../../../lib/page-state';
import { type OrgView } from '../../../../lib/account';
import { plainFieldErrors } from '../../../../lib/form';
import { placesUnder } from '../../../../lib/places';
import { ensureSession } from '../../../../lib/session';
import { CHARITY_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

const HINTS: Record<string, string> = {
  name: '请写超市名称',
  address: '请写地址',
  hours: '请写开放时间，如 周一至周六 9:00–17:00',
  phone: '请写电话号码，或不填',
};

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    streets: [] as { id: string; name: string }[],
    streetId: '',
    orgs: [] as { id: string; name: string; on: boolean }[],
    name: '',
    address: '',
    hours: '',
    phone: '',
    existing: false,
    errors: {} as Record<string, string>,
    saveError: '',
    saving: false,
    saved: false,
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      name: CHARITY_LIMITS.supermarketNameMax,
      address: CHARITY_LIMITS.supermarketAddressMax,
      hours: CHARITY_LIMITS.supermarketHoursMax,
      phone: CHARITY_LIMITS.supermarketPhoneMax,
    },
  },
  methods: {
    /** The streets the admin may set a supermarket up for (once), then the chosen street's supermarket. */
    async load(): Promise<LoadResult> {
      if (this.data.streets.length === 0) {
        const session = await ensureSession();
        if (!session.ok) return session;
        const places = await call('account', 'places');
        if (!places.ok) return places;
        const scopes = session.me.roles.filter((r) => r.role === 'admin' && r.scopeId).map((r) => r.scopeId!);
        const streets = new Map<string, { id: string; name: string }>();
        for (const s of scopes)
          for (const p of placesUnder(places.data, s))
            if (p.level === 'street') streets.set(p.id, { id: p.id, name: p.name });
        if (streets.size === 0) return refusal('慈善超市按街道开设，由街道（或区）管理员设置。');
        const list = [...streets.values()];
        this.setData({ streets: list, streetId: this.data.streetId || list[0]!.id });
      }
      const [current, orgs] = await Promise.all([
        call('charity', 'supermarkets', { streetId: this.data.streetId, mine: true }),
        call('account', 'listOrgs', {}),
      ]);
      if (!current.ok) return current;
      if (!orgs.ok) return orgs;
      const s = current.data[0];
      const street = this.data.streets.find((x) => x.id === this.data.streetId)!;
      const chosen = s?.orgIds ?? [];
      return {
        ok: true,
        data: {
          existing: Boolean(s),
          name: s?.name ?? `${street.name}慈善超市`,
          address: s?.address ?? '',
          hours: s?.hours ?? '周一至周六 9:00–17:00',
          phone: s?.phone ?? '',
          orgs: orgs.data
            .filter((o: OrgView) => o.active)
            .map((o: OrgView) => ({ id: o.id, name: o.name, on: chosen.includes(o.id) })),
          errors: {},
          saved: false,
        },
      };
    },
    onStreet(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ streetId: e.currentTarget.dataset.id });
      void this.restart();
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = (e.currentTarget as unknown as { dataset: { field: string } }).dataset.field;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '', saved: false });
    },
    onOrg(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ [`orgs[${i}].on`]: !this.data.orgs[i]!.on, saved: false });
    },
    async onSave() {
      if (this.data.saving) return;
      const d = this.data;
      this.setData({ saving: true, saveError: '', errors: {} });
      const reply = await call('charity', 'setSupermarket', {
        streetId: d.streetId,
        name: d.name,
        address: d.address,
        hours: d.hours,
        ...(d.phone ? { phone: d.phone } : {}),
        orgIds: d.orgs.filter((o) => o.on).map((o) => o.id),
      });
      if (!reply.ok) {
        this.setData({
          saving: false,
          errors: plainFieldErrors(reply, HINTS),
          saveError:
            reply.error.code === 'INVALID_INPUT' && !reply.error.issues?.some((i) => i.path === 'orgIds')
              ? ''
              : reply.error.message,
        });
        return;
      }
      this.setData({ saving: false, saved: true, existing: true });
    },
  },
});
