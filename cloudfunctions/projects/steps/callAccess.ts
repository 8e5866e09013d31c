/**
 * A call with everything its actions read, and the caller, in one aggregation (one round trip): the bids, the
 * scores, the complaints and the staff of the bidding organizations (for notices) as asked.
 */
import type { ActionContext } from '../../common/action';
import type { UserDoc } from '../../common/directory/users';
import { USERS } from '../../common/directory/users';
import { notFound } from '../../common/errors';
import { readWithCaller, type Join, type Joined } from '../../common/joins';
import {
  BIDS,
  CALLS,
  COMPLAINTS,
  SCORES,
  type BidDoc,
  type CallDoc,
  type ComplaintDoc,
  type ScoreDoc,
} from '../documents';

/** What a call's read brings. */
export interface CallRead {
  me: UserDoc;
  call: CallDoc;
  bids: BidDoc[];
  scores: ScoreDoc[];
  complaints: ComplaintDoc[];
  /** Provider staff of organizations that bid (openid and org), when asked. */
  staff: { openid: string; orgIds: string[] }[];
}

/** Reads the caller and the call with what is asked; NOT_FOUND when the call is missing. */
export async function readCall(
  ctx: ActionContext,
  callId: string,
  want: { bids?: boolean; scores?: boolean; complaints?: boolean; staff?: boolean; extra?: Join[] } = {},
): Promise<CallRead & { read: Joined }> {
  const joins: Join[] = [{ as: 'call', from: CALLS, match: { _id: callId }, limit: 1 }];
  if (want.bids || want.staff) joins.push({ as: 'bids', from: BIDS, match: { callId } });
  if (want.scores) joins.push({ as: 'scores', from: SCORES, match: { callId } });
  if (want.complaints) joins.push({ as: 'complaints', from: COMPLAINTS, match: { callId } });
  if (want.staff) {
    joins.push({ set: { bidOrgIds: '$bids.orgId' } });
    joins.push({
      as: 'staff',
      from: USERS,
      let: { orgs: '$bidOrgIds' },
      expr: { $gt: [{ $size: { $setIntersection: ['$roles.orgId', '$$orgs'] } }, 0] },
      project: { openid: 1, 'roles.orgId': 1 },
    });
  }
  joins.push(...(want.extra ?? []));
  const read = await readWithCaller(ctx, joins);
  const call = read.one<CallDoc>('call');
  if (!call) throw notFound('项目');
  return {
    read,
    me: read.caller,
    call,
    bids: read.all<BidDoc>('bids'),
    scores: read.all<ScoreDoc>('scores'),
    complaints: read.all<ComplaintDoc>('complaints'),
    staff: read
      .all<{ openid: string; roles: { orgId?: string }[] }>('staff')
      .map((u) => ({ openid: u.openid, orgIds: u.roles.flatMap((r) => (r.orgId ? [r.orgId] : [])) })),
  };
}
