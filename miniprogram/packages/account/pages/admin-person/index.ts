/**
 * One person, for an admin of where they live: their details in full (needed to serve them), the roles they hold
 * with 收回 (a reason is required and kept), 设置角色 (admin of a place in my scope, or staff of an organization
 * in my scope), and the role history.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import {
  type OrgView,
  type PlaceView,
  type RoleView,
  type SelfView,
  type UserDetail,
} from '../../../../lib/account';
import { plainFieldErrors } from '../../../../lib/form';
import { ROLE_NAMES, roleLabel } from '../../../../lib/roles';
import { ensureSession } from '../../../../lib/session';
import { fullDayText } from '../../../../shared/calendar';
import { ACCOUNT_LIMITS } from '../../../../shared/limits';
import { call } from '../../../../lib/api';

/** A held role as a line with 收回. */
interface RoleLine {
  key: string;
  label: string;
}

/** A choice in the 设置角色 popup. */
interface Choice {
  id: string;
  title: string;
  note: string;
}

const LEVEL_NAMES: Record<PlaceView['level'], string> = {
  district: '全区',
  street: '整个街道',
  community: '社区',
};

/** Places an admin of `scopes` may grant: each scope and everything under it, top first. */
function grantablePlaces(places: PlaceView[], scopes: string[]): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  const walk = (id: string): void => {
    const place = places.find((p) => p.id === id);
    if (!place || seen.has(id)) return;
    seen.add(id);
    out.push({ id, title: place.name, note: LEVEL_NAMES[place.level] });
    for (const child of places.filter((p) => p.parentId === id)) walk(child.id);
  };
  scopes.forEach(walk);
  return out;
}

/** State kept off `data` (not rendered). */
interface Loaded {
  me: SelfView;
  person: UserDetail;
  places: PlaceView[];
  orgs: OrgView[];
}
const loaded = new WeakMap<object, Loaded>();

function historyLines(l: Loaded): { key: string; text: string; reason: string }[] {
  const placeName = new Map(l.places.map((p) => [p.id, p.name]));
  const orgName = new Map(l.orgs.map((o) => [o.id, o.name]));
  const who = (by: string): string =>
    by === l.me.id ? '我' : by === 'bootstrap' ? '部署配置' : '其他管理员';
  return [...l.person.roleHistory].reverse().map((e, i) => {
    const where = e.role === 'provider' ? orgName.get(e.orgId ?? '') : placeName.get(e.scopeId ?? '');
    const role = where ? `${ROLE_NAMES[e.role]} · ${where}` : ROLE_NAMES[e.role];
    const verb = e.kind === 'grant' ? '设为' : '收回';
    return {
      key: `h${i}`,
      text: `${fullDayText(e.at)} ${verb} ${role}（${who(e.by)}）`,
      reason: e.reason ?? '',
    };
  });
}

function personData(l: Loaded) {
  const p = l.person;
  return {
    title: p.realName ? `${p.nickname}（${p.realName}）` : p.nickname,
    facts: [
      { key: 'community', label: '社区', value: p.communityName ?? '未选择' },
      { key: 'age', label: '年龄', value: p.age ? `${p.age} 岁` : '未填' },
      { key: 'phone', label: '手机号', value: p.phone ?? '未填' },
      { key: 'address', label: '住址', value: p.address ?? '未填' },
      { key: 'kind', label: '账号', value: p.kind === 'proxy' ? '社区代登记（没有微信）' : '微信用户' },
    ],
    roles: p.roles.map((r, i): RoleLine => ({ key: String(i), label: roleLabel(r) })),
    history: historyLines(l),
  };
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    personId: '',
    proxy: false,
    title: '',
    facts: [] as { key: string; label: string; value: string }[],
    roles: [] as RoleLine[],
    history: [] as { key: string; text: string; reason: string }[],
    banner: '',
    busy: false,
    grantVisible: false,
    grantStep: 'role' as 'role' | 'scope' | 'org',
    choices: [] as Choice[],
    revokeVisible: false,
    revokeKey: '',
    revokeLabel: '',
    reason: '',
    reasonError: '',
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: { reason: ACCOUNT_LIMITS.roleReasonMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ personId: query.id ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const targetUserId = this.data.personId;
      const [session, person, places, orgs] = await Promise.all([
        ensureSession(),
        call('account', 'userDetail', { targetUserId }),
        call('account', 'places'),
        call('account', 'listOrgs', {}),
      ]);
      if (!session.ok) return session;
      if (!person.ok) return person;
      if (!places.ok) return places;
      if (!orgs.ok) return orgs;
      const l: Loaded = { me: session.me, person: person.data, places: places.data, orgs: orgs.data };
      loaded.set(this, l);
      return { ok: true, data: { ...personData(l), proxy: person.data.kind === 'proxy' } };
    },
    /** An elder without WeChat: their data rights (see, export, delete) go through the admin, with consent. */
    onPrivacy() {
      void wx.navigateTo({ url: `/packages/account/pages/my-data/index?elderId=${this.data.personId}` });
    },
    onOpenGrant() {
      this.setData({ grantVisible: true, grantStep: 'role', choices: [], banner: '' });
    },
    onCloseGrant() {
      this.setData({ grantVisible: false });
    },
    onGrantVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ grantVisible: false });
    },
    onChooseAdmin() {
      const l = loaded.get(this);
      if (!l) return;
      const scopes = l.me.roles
        .filter((r) => r.role === 'admin' && r.scopeId)
        .map((r) => r.scopeId as string);
      this.setData({ grantStep: 'scope', choices: grantablePlaces(l.places, scopes) });
    },
    onChooseProvider() {
      const l = loaded.get(this);
      if (!l) return;
      const choices = l.orgs
        .filter((o) => o.active)
        .map((o) => ({ id: o.id, title: o.name, note: `${o.communityNames.length} 个社区` }));
      this.setData({ grantStep: 'org', choices });
    },
    async onGrant(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const l = loaded.get(this);
      if (!l || this.data.busy) return;
      const id = e.currentTarget.dataset.id;
      const input =
        this.data.grantStep === 'org'
          ? { targetUserId: l.person.id, targetRole: 'provider' as const, orgId: id }
          : { targetUserId: l.person.id, targetRole: 'admin' as const, scopeId: id };
      this.setData({ busy: true, grantVisible: false });
      const reply = await call('account', 'grantRole', input);
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '已设置', icon: 'success' });
      await this.reload();
    },
    onOpenRevoke(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>,
    ) {
      const line = this.data.roles.find((r) => r.key === e.currentTarget.dataset.key);
      if (!line) return;
      this.setData({
        revokeVisible: true,
        revokeKey: line.key,
        revokeLabel: line.label,
        reason: '',
        reasonError: '',
      });
    },
    onCloseRevoke() {
      this.setData({ revokeVisible: false });
    },
    onRevokeVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ revokeVisible: false });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, reasonError: '' });
    },
    async onRevoke() {
      const l = loaded.get(this);
      const role: RoleView | undefined = l?.person.roles[Number(this.data.revokeKey)];
      if (!l || !role || this.data.busy) return;
      this.setData({ busy: true });
      const reply = await call('account', 'revokeRole', {
        targetUserId: l.person.id,
        targetRole: role.role,
        ...(role.scopeId && role.role === 'admin' ? { scopeId: role.scopeId } : {}),
        ...(role.orgId && role.role === 'provider' ? { orgId: role.orgId } : {}),
        reason: this.data.reason,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        const reasonError = plainFieldErrors(reply, {
          reason: `请写明收回的原因（${ACCOUNT_LIMITS.roleReasonMax} 字以内）`,
        }).reason;
        if (reasonError) this.setData({ reasonError });
        else this.setData({ revokeVisible: false, banner: reply.error.message });
        return;
      }
      this.setData({ revokeVisible: false });
      wx.showToast({ title: '已收回', icon: 'success' });
      await this.reload();
    },
  },
});
