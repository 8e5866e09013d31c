/**
 * The demand list (需求征集/金点子): a resident asks for a service that is not on the menu; requests for the same
 * category in the same community add up to one line with a count (one per resident), which admins read before
 * deciding what to buy. Adopting a line puts an item on the menu and tells everyone who asked.
 */
import { idempotentId } from '../../common/ids';
import type { DemandView } from '../contract';
import type { DemandDoc } from '../documents';

/** Requests kept on a line for admins to read (the count keeps growing beyond them). */
export const REQUESTS_KEPT = 50;

/** The id of the demand line for a category in a community. */
export function demandId(communityId: string, category: string): string {
  return idempotentId('demand', communityId, category);
}

/** A new line with its first request. */
export function newDemand(
  place: { _id: string; name: string; path: string[] },
  category: string,
  requester: { id: string; openid: string },
  text: string,
  now: Date,
): DemandDoc {
  return {
    _id: demandId(place._id, category),
    communityId: place._id,
    communityName: place.name,
    placePath: place.path,
    category,
    count: 1,
    requesterIds: [requester.id],
    requesterOpenids: [requester.openid],
    requests: [{ userId: requester.id, text, at: now }],
    status: 'open',
    createdAt: now,
    lastAt: now,
  };
}

/** A line as shown: admins read what residents wrote (never who); residents see counts. */
export function demandView(doc: DemandDoc, viewerId: string, asAdmin: boolean): DemandView {
  return {
    id: doc._id,
    communityId: doc.communityId,
    communityName: doc.communityName,
    category: doc.category,
    count: doc.count,
    ...(asAdmin
      ? {
          requests: [...doc.requests]
            .reverse()
            .map((r) => ({ text: r.text, at: new Date(r.at).toISOString() })),
        }
      : {}),
    status: doc.status,
    ...(doc.itemId ? { itemId: doc.itemId } : {}),
    askedByMe: doc.requesterIds.includes(viewerId),
    lastAt: new Date(doc.lastAt).toISOString(),
  };
}
