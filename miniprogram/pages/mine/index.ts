/**
 * 我的: the user's profile summary and roles, the elder-mode switch (remembered), and an entry into each role's
 * work (./entries.ts) — admins see 社区管理, provider staff their organization.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../behaviors/remote-page';
import { tabPageBehavior } from '../../behaviors/tab-page';
import type { SelfView, WorkplaceCounts } from '../../lib/account';
import { call } from '../../lib/api';
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

/** One count of an admin's workplace, as a tile. */
interface WorkTile {
  id: string;
  label: string;
  /** The count as shown (99+ past the cap). */
  count: string;
  /** Whether something waits (the tile stands out). */
  waiting: boolean;
  url: string;
}

function workTiles(c: WorkplaceCounts): WorkTile[] {
  const tile = (id: string, label: string, n: number, url: string): WorkTile => ({
    id,
    label,
    count: n >= c.cap ? `${c.cap - 1}+` : String(n),
    waiting: n > 0,
    url,
  });
  return [
    tile('to-approve', '待审核', c.toApprove, '/packages/services/pages/manage/index'),
    tile('overdue', '逾期订单', c.overdue, '/packages/services/pages/overdue/index?tab=overdue'),
    tile('callbacks', '待回访', c.callbacksDue, '/packages/services/pages/overdue/index?tab=callback'),
    tile(
      'expiring',
      `${c.expiringDays} 天内到期的心愿`,
      c.needsExpiring,
      '/packages/charity/pages/admin-needs/index',
    ),
  ];
}

/** The unread count and, for admins, the workplace: badges on 我的 (a failure leaves them as they were). */
async function badges(me: SelfView): Promise<{ unread?: number; work?: WorkTile[] }> {
  const [unread, work] = await Promise.all([
    call('account', 'unreadMessages'),
    me.isAdmin ? call('account', 'workplace') : Promise.resolve(undefined),
  ]);
  return {
    ...(unread.ok ? { unread: unread.data.unread } : {}),
    ...(work?.ok ? { work: workTiles(work.data) } : {}),
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
    messagesUrl: '/packages/account/pages/messages/index',
    unread: 0,
    work: [] as WorkTile[],
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
      if (this.data.status === 'ready') void refreshSession().then(() => this.refreshBadges());
    },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      return { ok: true, data: { ...profileData(session.me), work: [], ...(await badges(session.me)) } };
    },
    /** Back on the tab: messages may have been read, work done. */
    async refreshBadges() {
      const session = await ensureSession();
      if (!session.ok) return;
      this.setData({ work: [], ...(await badges(session.me)) });
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
