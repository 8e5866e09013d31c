/** Where the reports pages are, for navigation and entries. */
const ROOT = '/packages/reports/pages';

export const REPORT_ROUTES = {
  report: `${ROOT}/report/index`,
  mine: `${ROOT}/mine/index`,
  near: `${ROOT}/mine/index?tab=near`,
  detail: (id: string) => `${ROOT}/detail/index?id=${encodeURIComponent(id)}`,
  work: `${ROOT}/work/index`,
};
