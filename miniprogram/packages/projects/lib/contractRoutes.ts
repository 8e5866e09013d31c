/** Where the contract pages of the projects subpackage are (signing, tracking, evaluation, credit, dashboard). */
const ROOT = '/packages/projects/pages';

export const CONTRACT_ROUTES = {
  contracts: `${ROOT}/contracts/index`,
  contract: (id: string) => `${ROOT}/contract/index?id=${encodeURIComponent(id)}`,
  credit: (orgId: string, streetId: string) =>
    `${ROOT}/credit/index?orgId=${encodeURIComponent(orgId)}&streetId=${encodeURIComponent(streetId)}`,
  dashboard: `${ROOT}/dashboard/index`,
  report: (id: string) => `${ROOT}/report/index?id=${encodeURIComponent(id)}`,
  visit: (id: string) => `${ROOT}/visit/index?id=${encodeURIComponent(id)}`,
  evaluate: (id: string) => `${ROOT}/evaluate/index?id=${encodeURIComponent(id)}`,
  spending: (id: string) => `${ROOT}/spending/index?id=${encodeURIComponent(id)}`,
  amend: (id: string) => `${ROOT}/amend/index?id=${encodeURIComponent(id)}`,
};
