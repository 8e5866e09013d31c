/** How an organization is shown. */
import type { OrgView } from '../contract';
import type { OrgDoc } from '../../common/directory/orgs';

/** The public view of an organization. */
export function orgView(org: OrgDoc, staffCount?: number): OrgView {
  return {
    id: org._id,
    name: org.name,
    description: org.description,
    services: org.services,
    communityIds: org.communityIds,
    communityNames: org.communityNames,
    scopeId: org.scopeId,
    active: org.active,
    ...(staffCount !== undefined ? { staffCount } : {}),
  };
}
