/**
 * bidDetail — one bid, for those who may read it: its organization's staff (any time); the street admin after
 * the deadline (sealed before); a reviewer of the call once in review, if they declared no conflict with the
 * organization — without the organization's identity when the call is blind. Anyone else: NOT_FOUND (a sealed
 * bid's existence is not told either).
 * Input: { bidId } or { callId, orgId }. Result: BidView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND.
 * Round trips: 1 (caller with the bid and its call).
 */
import { action } from '../../common/action';
import { notFound } from '../../common/errors';
import { firstOf, readWithCaller } from '../../common/joins';
import { callInputs, type BidView } from '../contract';
import { BIDS, CALLS, type BidDoc, type CallDoc } from '../documents';
import { bidAccess } from '../domain/calls';
import { bidIdOf } from '../domain/ids';
import { bidView } from '../domain/views';

export default action({
  input: callInputs.bidDetail,
  async run(input, ctx): Promise<BidView> {
    const read = await readWithCaller(ctx, [
      {
        as: 'bid',
        from: BIDS,
        match: { _id: input.bidId ?? bidIdOf(input.callId!, input.orgId!) },
        limit: 1,
      },
      { set: { bidCall: firstOf('bid.callId') } },
      { as: 'call', from: CALLS, localField: 'bidCall', foreignField: '_id' },
    ]);
    const bid = read.one<BidDoc>('bid');
    const call = read.one<CallDoc>('call');
    if (!bid || !call) throw notFound('申报');
    const as = bidAccess(call, bid, read.caller, ctx.now);
    if (!as) throw notFound('申报');
    return bidView(call, bid, as, ctx.now);
  },
});
