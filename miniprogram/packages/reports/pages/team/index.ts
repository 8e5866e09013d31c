/**
 * 任命人员 (street admin): a grid's team or a department's staff. The people now in it, each of whom can be
 * removed; and a search by name or phone digits among the street's residents (as the other admin pages find
 * people), each found person appointed with one tap — for a grid, as the role chosen above the search. A new
 * 网格长 takes over from the old one, who stays on as 网格员, so the team stays "1 + 2 + N"; the function says
 * what is missing when a removal would break that.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { foundPeople, type FoundPerson } from '../../lib/people';
import { TEAM_ROLES } from '../../lib/setup';
import type { TeamRole } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { id: string; role: TeamRole }
>;

interface Member {
  userId: string;
  name: string;
  /** A grid member's role ('' for department staff). */
  role: TeamRole | '';
  roleText: string;
}

const roleText = (role: TeamRole | '') => TEAM_ROLES.find((r) => r.role === role)?.text ?? '办理人员';

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    gridId: '',
    departmentId: '',
    streetId: '',
    title: '',
    members: [] as Member[],
    roles: TEAM_ROLES,
    role: 'member' as TeamRole,
    roleText: '网格员',
    query: '',
    found: [] as FoundPerson[],
    busy: '',
    banner: '',
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ gridId: query.gridId ?? '', departmentId: query.departmentId ?? '' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('reports', 'setup', {});
      if (!reply.ok) return reply;
      const { streetId, grids, departments } = reply.data;
      if (this.data.gridId) {
        const grid = grids.find((g) => g.id === this.data.gridId);
        if (!grid) return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个网格' } };
        const members = grid.team.map((m) => ({
          userId: m.userId,
          name: m.name,
          role: m.role,
          roleText: m.roleText,
        }));
        wx.setNavigationBarTitle({ title: '网格人员' });
        return { ok: true, data: { streetId, title: `${grid.communityName} ${grid.name}`, members } };
      }
      const dept = departments.find((d) => d.id === this.data.departmentId);
      if (!dept) return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个部门' } };
      const members = dept.staff.map((s) => ({
        userId: s.userId,
        name: s.name,
        role: '',
        roleText: '办理人员',
      }));
      wx.setNavigationBarTitle({ title: '部门人员' });
      return { ok: true, data: { streetId, title: dept.name, members } };
    },
    onRole(e: Tap) {
      const role = e.currentTarget.dataset.role;
      this.setData({ role, roleText: roleText(role) });
    },
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    async onSearch() {
      this.setData({ busy: 'search', banner: '' });
      const reply = await call('account', 'searchUsers', { query: this.data.query.trim() });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      const found = foundPeople(reply.data.items);
      this.setData({ found, banner: found.length ? '' : '没有找到这位居民，换个名字或手机号后几位试试' });
    },
    async onAppoint(e: Tap) {
      const id = e.currentTarget.dataset.id;
      const person = this.data.found.find((p) => p.id === id);
      if (!person) return;
      const others = this.data.members.filter((m) => m.userId !== id);
      const role = this.data.gridId ? this.data.role : '';
      // A new 网格长 takes over; the old one stays on as 网格员.
      const kept = others.map((m) =>
        role === 'leader' && m.role === 'leader' ? { ...m, role: 'member' as const } : m,
      );
      await this.save(
        [...kept, { userId: id, name: person.name, role, roleText: roleText(role) }],
        `已任命${person.name}`,
      );
    },
    async onRemove(e: Tap) {
      const id = e.currentTarget.dataset.id;
      await this.save(
        this.data.members.filter((m) => m.userId !== id),
        '已不再担任',
      );
    },
    async save(members: Member[], done: string) {
      this.setData({ busy: 'save', banner: '' });
      const shown = this.data.gridId ? await this.saveGrid(members) : await this.saveStaff(members);
      this.setData({ busy: '' });
      if (typeof shown === 'string') {
        this.setData({ banner: shown });
        return;
      }
      this.setData({ members: shown, found: [], query: '' });
      wx.showToast({ title: done, icon: 'none' });
    },
    /** The grid's team as stored (full names), or why it was refused. */
    async saveGrid(members: Member[]): Promise<Member[] | string> {
      const reply = await call('reports', 'setGridTeam', {
        gridId: this.data.gridId,
        members: members.map((m) => ({ userId: m.userId, role: m.role || 'member' })),
      });
      if (!reply.ok) return reply.error.message;
      return reply.data.team.map((m) => ({
        userId: m.userId,
        name: m.name,
        role: m.role,
        roleText: m.roleText,
      }));
    },
    /** The department's staff as shown, or why it was refused. */
    async saveStaff(members: Member[]): Promise<Member[] | string> {
      const reply = await call('reports', 'saveDepartment', {
        departmentId: this.data.departmentId,
        streetId: this.data.streetId,
        name: this.data.title,
        staffIds: members.map((m) => m.userId),
      });
      return reply.ok ? members : reply.error.message;
    },
  },
});
