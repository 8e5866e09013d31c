/**
 * 我的: the user's profile summary and roles, the elder-mode switch (remembered), and an entry into each role's
 * work (./entries.ts) — admins see 社区管理, provider staff their organization.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../behaviors/remote-page';
import { tabPageBehavior } from '../../behaviors/tab-page';
import type { SelfView } from '../../lib/account';
import { isElderMode, setElderMode } from '../../lib/elder-mode';
import { ROLE_NAMES, roleLabel } from '../../lib/roles';
import { ensureSession, onSessionChange, refreshSession } from '../../lib/session';
import { inAudience, MINE_GROUPS, type MineEntry } from './entries';

/** A role as a tag under the name. */
interface RoleTag {
  key: string;
  label: string;
}

/** A group as rendered. */
interface GroupView {
  id: string;
  title: string;
  entries: MineEntry[];
  /** Organizations the user works for (provider group only), shown as plain lines. */
  orgs: string[];
}

function roleTags(me: SelfView): RoleTag[] {
  return [
    { key: 'resident', label: ROLE_NAMES.resident },
    ...me.roles.map((r, i) => ({ key: `${r.role}-${i}`, label: roleLabel(r) })),
  ];
}

function groupsFor(me: SelfView): GroupView[] {
  const orgs = me.roles.filter((r) => r.role === 'provider' && r.orgName).map((r) => r.orgName as string);
  return MINE_GROUPS.filter((g) => inAudience(me, g.audience))
    .map((g) => ({
      id: g.id,
      title: g.title,
      entries: g.entries,
      orgs: g.audience === 'provider' ? orgs : [],
    }))
    .filter((g) => g.entries.length > 0 || g.orgs.length > 0);
}

function profileData(me: SelfView) {
  return {
    nickname: me.nickname,
    avatar: me.avatarFileId ?? '',
    place: me.placeNames.join(' · '),
    age: me.age ?? 0,
    tags: roleTags(me),
    groups: groupsFor(me),
  };
}

const unsubscribers = new WeakMap<object, () => void>();

Component({
  behaviors: [elderModeBehavior, tabPageBehavior, remotePage],
  data: {
    elderOn: false,
    nickname: '',
    avatar: '',
    place: '',
    age: 0,
    tags: [] as RoleTag[],
    groups: [] as GroupView[],
    profileUrl: '/packages/account/pages/profile/index',
  },
  lifetimes: {
    attached() {
      this.setData({ elderOn: isElderMode() });
      unsubscribers.set(
        this,
        onSessionChange((me) => this.setData(profileData(me))),
      );
    },
    detached() {
      unsubscribers.get(this)?.();
      unsubscribers.delete(this);
    },
  },
  pageLifetimes: {
    show() {
      // The setting may have changed on another page.
      if (this.data.elderOn !== isElderMode()) this.setData({ elderOn: isElderMode() });
      // Back on this tab: roles may have been granted or taken back meanwhile (the subscription re-renders).
      if (this.data.status === 'ready') void refreshSession();
    },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      return session.ok ? { ok: true, data: profileData(session.me) } : session;
    },
    onElderChange(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.applyElder(Boolean(e.detail.value));
    },
    onElderCell() {
      this.applyElder(!this.data.elderOn);
    },
    noop() {
      // Swallows the switch's tap (see index.wxml).
    },
    applyElder(on: boolean) {
      setElderMode(on);
      this.setData({ elderOn: on });
    },
  },
});
