/** Ids derived from what they stand for, so two writers of one thing meet on the primary key (pure). */
import { idempotentId } from '../../common/ids';

/** A pool entry: one per (street, organization). */
export const poolEntryId = (streetId: string, orgId: string) => `${streetId}:${orgId}`;
/** A bid: one per (call, organization). */
export const bidIdOf = (callId: string, orgId: string) => idempotentId(callId, 'bid', orgId);
/** The n-th score (1 = first, 2 = its first correction…) of a bid by a reviewer. */
export const scoreIdOf = (bidId: string, reviewerId: string, n: number) =>
  idempotentId(bidId, reviewerId, `score-${n}`);
