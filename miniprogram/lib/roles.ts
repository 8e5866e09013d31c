/** How roles read to people: 管理员 · 禄口街道, 服务人员 · 心苑社会工作服务中心 (shared with the functions' exports). */
export { ROLE_NAMES, roleLabel } from '../shared/choices';
