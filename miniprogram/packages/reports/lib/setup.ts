/** The street's setup (事项清单, departments, grid teams) in the words the admin pages show. */
import type { GridView, MatterView, SetupView } from './views';

/** A matter's deadlines and patrol rule in words. */
export function matterLines(m: Pick<MatterView, 'respondHours' | 'resolveHours' | 'patrolFirst'>) {
  return {
    hoursText: `${m.respondHours} 小时内受理，${m.resolveHours} 小时内办结`,
    patrolText: m.patrolFirst ? '先由网格员核实' : '直接派给部门',
  };
}

/** A department with its staff and matters, as the 事项清单 shows it. */
export interface DepartmentGroup {
  id: string;
  name: string;
  staff: { userId: string; name: string }[];
  staffText: string;
  matters: { id: string; name: string; category: string; hoursText: string; patrolText: string }[];
}

/** The matter list grouped by department (departments by name, matters by category then name). */
export function departmentGroups(setup: SetupView): DepartmentGroup[] {
  return setup.departments.map((d) => ({
    id: d.id,
    name: d.name,
    staff: d.staff,
    staffText: d.staff.length ? d.staff.map((s) => s.name).join('、') : '还没有人，点这里任命',
    matters: setup.matters
      .filter((m) => m.departmentId === d.id)
      .map((m) => ({ id: m.id, name: m.name, category: m.category, ...matterLines(m) })),
  }));
}

const ROLES = [
  { role: 'leader', text: '网格长' },
  { role: 'member', text: '网格员' },
  { role: 'liaison', text: '信息联络员' },
] as const;

/** The team roles a street admin appoints, in order. */
export const TEAM_ROLES = ROLES;

/** A grid as the 网格 page lists it: one line per role with the people in it. */
export interface GridCard {
  id: string;
  name: string;
  communityName: string;
  lines: string[];
  buildingsText: string;
}

/** A grid's card. */
export function gridCard(g: GridView): GridCard {
  return {
    id: g.id,
    name: g.name,
    communityName: g.communityName,
    lines: ROLES.map(({ role, text }) => {
      const names = g.team.filter((m) => m.role === role).map((m) => m.name);
      return `${text}：${names.length ? names.join('、') : '还没有'}`;
    }),
    buildingsText: g.buildings.length
      ? `楼栋：${g.buildings.slice(0, 6).join('、')}${g.buildings.length > 6 ? ' 等' : ''}`
      : '还没有登记楼栋',
  };
}
