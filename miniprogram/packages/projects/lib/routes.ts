/** Where the projects pages are, for navigation and entries. */
const ROOT = '/packages/projects/pages';
const q = (id: string) => encodeURIComponent(id);

export const PROJECT_ROUTES = {
  pool: `${ROOT}/pool/index`,
  calls: `${ROOT}/calls/index`,
  callEdit: `${ROOT}/call-edit/index`,
  call: (id: string) => `${ROOT}/call/index?id=${q(id)}`,
  orgPool: `${ROOT}/org-pool/index`,
  openCalls: `${ROOT}/open-calls/index`,
  bid: (callId: string, orgId: string) => `${ROOT}/bid/index?callId=${q(callId)}&orgId=${q(orgId)}`,
  myBids: `${ROOT}/my-bids/index`,
  reviews: `${ROOT}/reviews/index`,
  review: (callId: string) => `${ROOT}/review/index?callId=${q(callId)}`,
};
