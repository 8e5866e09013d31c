/** Family links between an elder and a relative, as stored in `family_links` (pure; the account function writes). */

/** The collection name. */
export const FAMILY_LINKS = 'family_links';

/** A family link. */
export interface FamilyLinkDoc {
  _id: string;
  elderId: string;
  relativeId: string;
  relation: string;
  status: 'pending' | 'active' | 'revoked';
  via: 'code' | 'admin';
  requestedAt: Date;
  respondedAt?: Date;
  createdBy: string;
}

/** A family link as other capabilities read it (who may act for whom). */
export type LinkRef = Pick<FamilyLinkDoc, '_id' | 'elderId' | 'relativeId' | 'relation' | 'status'>;
