/** Social organizations (社会组织), as stored in `organizations` (pure document types; the account function writes). */

/** The collection name. */
export const ORGANIZATIONS = 'organizations';

/** An organization (社会组织). */
export interface OrgDoc {
  _id: string;
  name: string;
  description: string;
  services: string[];
  communityIds: string[];
  communityNames: string[];
  /** The place whose admins manage it, and that place's path. */
  scopeId: string;
  scopePath: string[];
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An organization as other capabilities read it (what matching, menus and activities need). */
export type OrgRef = Pick<
  OrgDoc,
  '_id' | 'name' | 'services' | 'communityIds' | 'scopeId' | 'scopePath' | 'active'
>;
