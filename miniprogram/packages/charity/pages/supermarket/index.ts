/**
 * 慈善超市设置, for admins over a street: open (or update) the street's charity supermarket — its name, address,
 * opening hours and phone (shown to donors) — and choose which social organizations' staff run it (they then
 * receive, allocate and deliver). Streets come from the admin's scope.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { OrgView } from '../../../../lib/account';
import { plainFieldErrors } from '../../../../lib/form';
import { placesUnder } from '../../../../lib/places';
import { ensureSession } from '../../../../lib/session';
import { call } from '../../../../lib/api';

const HINTS: Record<string, string> = {
  hours: '请写开放时间，如 周一至周六 9:00–17:00',
};

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error' | 'none',
    errorMessage: '',
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
      const session = await ensureSession();
      if (!session.ok) {
        this.setData({ status: 'error', errorMessage: session.error.message });
        return;
      }
      const places = await call('account', 'places');
      if (!places.ok) {
        this.setData({ status: 'error', errorMessage: places.error.message });
        return;
      }
      const scopes = session.me.roles.filter((r) => r.role === 'admin' && r.scopeId).map((r) => r.scopeId!);
      const streets = new Map<string, { id: string; name: string }>();
      for (const s of scopes)
        for (const p of placesUnder(places.data, s))
          if (p.level === 'street') streets.set(p.id, { id: p.id, name: p.name });
      if (streets.size === 0) {
        this.setData({ status: 'none' });
        return;
      }
      const list = [...streets.values()];
      this.setData({ streets: list, streetId: this.data.streetId || list[0]!.id });
      await this.loadStreet();
    },
    async loadStreet() {
      const [current, orgs] = await Promise.all([
        call('charity', 'supermarkets', { streetId: this.data.streetId, mine: true }),
        call('account', 'listOrgs', {}),
      ]);
      if (!current.ok || !orgs.ok) {
        this.setData({
          status: 'error',
          errorMessage: (!current.ok ? current.error : !orgs.ok ? orgs.error : { message: '' }).message,
        });
        return;
      }
      const s = current.data[0];
      const street = this.data.streets.find((x) => x.id === this.data.streetId)!;
      const chosen = s?.orgIds ?? [];
      this.setData({
        status: 'ready',
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
      });
    },
    onStreet(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ streetId: e.currentTarget.dataset.id, status: 'loading' });
      void this.loadStreet();
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
