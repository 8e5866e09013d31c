/** Where the reports pages are, for navigation and entries. */
const ROOT = '/packages/reports/pages';

export const REPORT_ROUTES = {
  report: `${ROOT}/report/index`,
  mine: `${ROOT}/mine/index`,
  near: `${ROOT}/mine/index?tab=near`,
  detail: (id: string) => `${ROOT}/detail/index?id=${encodeURIComponent(id)}`,
  work: `${ROOT}/work/index`,
  /** 事项清单 (street admin): departments, their staff and matters. */
  matters: `${ROOT}/matters/index`,
  /** Edit one matter (none: a new one) and see its versions. */
  matter: (id?: string) => `${ROOT}/matter/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  /** 网格 (street admin): grids and their teams. */
  grids: `${ROOT}/grids/index`,
  /** Appoint or remove a grid's team or a department's staff. */
  team: (of: { gridId: string } | { departmentId: string }) =>
    'gridId' in of
      ? `${ROOT}/team/index?gridId=${encodeURIComponent(of.gridId)}`
      : `${ROOT}/team/index?departmentId=${encodeURIComponent(of.departmentId)}`,
};
