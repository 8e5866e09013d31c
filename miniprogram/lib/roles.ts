/** How roles read to people: 管理员 · 禄口街道, 服务人员 · 心苑社会工作服务中心. */
import type { RoleView } from './account';

/** A role's name in plain words. */
export const ROLE_NAMES: Record<RoleView['role'] | 'resident', string> = {
  resident: '居民',
  admin: '管理员',
  provider: '服务人员',
  volunteer: '志愿者',
};

/** A held role with where it applies, e.g. `管理员 · 禄口街道`. */
export function roleLabel(role: RoleView): string {
  const where = role.role === 'provider' ? role.orgName : role.scopeName;
  return where ? `${ROLE_NAMES[role.role]} · ${where}` : ROLE_NAMES[role.role];
}
