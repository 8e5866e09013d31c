/** The street's setup as its admin sees it: grids with their teams, departments with their staff, the matters. */
import { dayClockText } from '../../../miniprogram/shared/calendar';
import type { GridView, MatterView } from '../contract';
import type { GridDoc, MatterDoc, MatterFields } from '../documents';
import { TEAM_ROLE_WORDS } from './access';

/** A grid for its admin. */
export function gridView(g: GridDoc): GridView {
  return {
    id: g._id,
    name: g.name,
    communityName: g.communityName,
    buildings: g.buildings,
    boundary: (g.boundary.coordinates[0] ?? []).map(([lng, lat]) => [lng, lat]),
    team: g.team.map((m) => ({
      userId: m.userId,
      name: m.name,
      role: m.role,
      roleText: TEAM_ROLE_WORDS[m.role],
    })),
  };
}

/** A matter for its admin. */
export function matterView(m: MatterDoc): MatterView {
  return {
    id: m._id,
    name: m.name,
    category: m.category,
    departmentId: m.departmentId,
    departmentName: m.departmentName,
    respondHours: m.respondHours,
    resolveHours: m.resolveHours,
    patrolFirst: m.patrolFirst,
    version: m.version,
    history: [...m.history]
      .sort((a, b) => b.version - a.version)
      .map((h) => ({
        version: h.version,
        text: `第 ${h.version} 版，${dayClockText(h.replacedAt)} 由 ${h.by} 改掉：${termsText(h)}`,
      })),
  };
}

/** A matter's terms in words (what a version said). */
export function termsText(f: MatterFields): string {
  const patrol = f.patrolFirst ? '先由网格员核实' : '直接派给部门';
  return `${f.name}，${f.departmentName}，${f.respondHours} 小时内受理，${f.resolveHours} 小时内办结，${patrol}`;
}
