/**
 * Registers a social organization (no `id` in the query) or edits one (`?id=`): name, what it does, its services,
 * and the communities it serves within the admin's scope; an existing one can be stopped or started again.
 * A new registration carries an idempotency key, so a double tap registers it once.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { type OrgView, type PlaceView } from '../../../../lib/account';
import { type CloudReply, newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { communitiesUnder, streetNameOf } from '../../../../lib/places';
import { refusal } from '../../../../lib/page-state';
import { ensureSession } from '../../../../lib/session';
import { ACCOUNT_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

const FIELD_HINTS: Record<string, string> = {
  name: `机构名称请填 1 到 ${ACCOUNT_LIMITS.orgNameMax} 个字`,
  description: `介绍最多 ${ACCOUNT_LIMITS.orgDescriptionMax} 个字`,
  services: `每项服务最多 ${ACCOUNT_LIMITS.orgServiceMax} 个字，最多 ${ACCOUNT_LIMITS.orgServicesMax} 项`,
  communityIds: '请至少选一个您管理的社区',
};

/** A community to tick. */
interface CommunityChoice {
  id: string;
  name: string;
  street: string;
  checked: boolean;
}

/** Splits "助餐、助浴 助洁" into items. */
function splitServices(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// What the page edits from, off `data`.
const originals = new WeakMap<object, OrgView | undefined>();
const scopes = new WeakMap<object, string>();

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    orgId: '',
    active: true,
    name: '',
    description: '',
    services: '',
    communities: [] as CommunityChoice[],
    chosenCount: 0,
    errors: {} as Record<string, string>,
    banner: '',
    saving: false,
    requestKey: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { name: ACCOUNT_LIMITS.orgNameMax, description: ACCOUNT_LIMITS.orgDescriptionMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ orgId: query.id ?? '', requestKey: newIdempotencyKey() });
      wx.setNavigationBarTitle?.({ title: query.id ? '修改社会组织' : '登记社会组织' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const [session, places, orgs] = await Promise.all([
        ensureSession(),
        call('account', 'places'),
        this.data.orgId ? call('account', 'listOrgs', {}) : Promise.resolve(undefined),
      ]);
      if (!session.ok) return session;
      if (!places.ok) return places;
      if (orgs && !orgs.ok) return orgs;
      const org = orgs?.ok ? orgs.data.find((o) => o.id === this.data.orgId) : undefined;
      if (this.data.orgId && !org) return refusal('没有找到这个机构，可能不在您管理的范围里', 'NOT_FOUND');
      const adminScopes = session.me.roles
        .filter((r) => r.role === 'admin' && r.scopeId)
        .map((r) => r.scopeId as string);
      // A new organization belongs to the admin's (first) scope; an existing one keeps its own.
      const scopeId = org?.scopeId ?? adminScopes[0] ?? '';
      scopes.set(this, scopeId);
      originals.set(this, org);
      return {
        ok: true,
        data: {
          active: org?.active ?? true,
          name: org?.name ?? '',
          description: org?.description ?? '',
          services: org?.services.join('、') ?? '',
          ...this.choices(places.data, scopeId, new Set(org?.communityIds ?? [])),
        },
      };
    },
    choices(places: PlaceView[], scopeId: string, chosen: Set<string>) {
      const communities = communitiesUnder(places, [scopeId]).map((c) => ({
        id: c.id,
        name: c.name,
        street: streetNameOf(places, c),
        checked: chosen.has(c.id),
      }));
      return { communities, chosenCount: communities.filter((c) => c.checked).length };
    },
    onField(
      e: WechatMiniprogram.CustomEvent<
        { value: string },
        Record<string, never>,
        { field: 'name' | 'description' | 'services' }
      >,
    ) {
      const field = e.currentTarget.dataset.field;
      const errors = { ...this.data.errors };
      delete errors[field];
      this.setData({ [field]: e.detail.value, errors });
    },
    onToggle(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const communities = this.data.communities.map((c) =>
        c.id === e.currentTarget.dataset.id ? { ...c, checked: !c.checked } : c,
      );
      const errors = { ...this.data.errors };
      delete errors.communityIds;
      this.setData({ communities, chosenCount: communities.filter((c) => c.checked).length, errors });
    },
    async onSave() {
      if (this.data.saving) return;
      const d = this.data;
      const fields = {
        name: d.name,
        description: d.description,
        services: splitServices(d.services),
        communityIds: d.communities.filter((c) => c.checked).map((c) => c.id),
      };
      this.setData({ saving: true, banner: '', errors: {} });
      const reply = d.orgId
        ? await call('account', 'updateOrg', { orgId: d.orgId, ...fields })
        : await call('account', 'createOrg', {
            ...fields,
            scopeId: scopes.get(this) ?? '',
            idempotencyKey: d.requestKey,
          });
      this.settle(reply, d.orgId ? '已保存' : '已登记', true);
    },
    async onToggleActive() {
      if (this.data.saving || !this.data.orgId) return;
      const active = !this.data.active;
      if (!active) {
        const answer = await wx.showModal({
          title: '停用机构',
          content: '停用后，居民看不到这个机构，工作人员也不能再接新的服务。确定停用吗？',
          confirmText: '停用',
          cancelText: '再想想',
        });
        if (!answer.confirm) return;
      }
      this.setData({ saving: true, banner: '' });
      const reply = await call('account', 'updateOrg', { orgId: this.data.orgId, active });
      this.settle(reply, active ? '已重新启用' : '已停用', false);
    },
    /** Shows the outcome of a save; `leave` goes back to the list after a success. */
    settle(reply: CloudReply<OrgView>, done: string, leave: boolean) {
      if (reply.ok) {
        originals.set(this, reply.data);
        // A new key only after success: a retried tap reuses the old one (DESIGN.md convention 9).
        this.setData({ saving: false, active: reply.data.active, requestKey: newIdempotencyKey() });
        wx.showToast({ title: done, icon: 'success' });
        if (leave) wx.navigateBack({ fail: () => undefined });
        return;
      }
      const { code, message } = reply.error;
      if (code === 'INVALID_INPUT') {
        this.setData({
          saving: false,
          errors: plainFieldErrors(reply, FIELD_HINTS),
          banner: '有几项需要改一下，请看红字',
        });
      } else if (code === 'CONTENT_REJECTED') {
        this.setData({ saving: false, banner: `${message}。名称、介绍或服务里有不能使用的字词。` });
      } else {
        this.setData({ saving: false, banner: message });
      }
    },
  },
});
