/**
 * The volunteering function's database I/O that several actions and timers share (documents.ts has the types):
 * the activity by id, the caller's profile by identity, a sign-up with its ledger, the ledger summed, and the
 * atomic find-and-modify every seat change goes through.
 */
import type { ActionContext } from '../common/action';
import { _, db } from '../common/cloud';
import { rows } from '../common/db';
import type { UserDoc } from '../common/directory/users';
import { notFound } from '../common/errors';
import { readWithCaller, type Join, type Joined } from '../common/joins';
import type { SignupHours } from './domain/records';
import {
  ACTIVITIES,
  HOURS,
  SIGNUPS,
  VOLUNTEERS,
  type ActivityDoc,
  type HoursEntryDoc,
  type SignupDoc,
  type VolunteerDoc,
} from './documents';

/** The SDK query object underneath wx-server-sdk's wrapper (@cloudbase/node-sdk's, which has find-and-modify). */
interface InnerQuery {
  updateAndReturn?(data: Record<string, unknown>): Promise<{
    updated?: number;
    doc?: unknown;
    code?: string;
    message?: string;
  }>;
}

/**
 * Find-and-modify: updates the first document matching `where` and returns it as updated, in one atomic step
 * (CloudBase's `database.modifyAndReturnDoc`, listed in shared/reference/CLOUDBASE-WIRE.md). wx-server-sdk 4.0.2
 * wraps @cloudbase/node-sdk's query without passing `updateAndReturn` through, so it is called on the wrapped query
 * (`_query`). The SDK is pinned exactly; if an upgrade moves it, this fails loudly (and the cloud tests with it)
 * rather than falling back to a racy read-then-write.
 */
export async function findAndUpdate<T>(
  collection: string,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<T | undefined> {
  const wrapper = db.collection(collection).where(where) as unknown as { _query?: InnerQuery };
  const inner = wrapper._query;
  if (typeof inner?.updateAndReturn !== 'function')
    throw new Error('find-and-modify is not reachable in this wx-server-sdk (Query._query.updateAndReturn)');
  const res = await inner.updateAndReturn(data);
  if (res.code) throw new Error(`updateAndReturn failed: ${res.code} ${res.message ?? ''}`);
  return (res.doc ?? undefined) as T | undefined;
}

/** The activity, or NOT_FOUND (one round trip). */
export async function loadActivity(activityId: string): Promise<ActivityDoc> {
  const found = rows<ActivityDoc>(
    await db.collection(ACTIVITIES).where({ _id: activityId }).limit(1).get(),
  )[0];
  if (!found) throw notFound('活动');
  return found;
}

/**
 * The caller and the activity (or NOT_FOUND), with any other joins, in one aggregation (one round trip): what an
 * organizer's action reads before its one write.
 */
export async function callerWithActivity(
  ctx: Pick<ActionContext, 'openid'>,
  activityId: string,
  extra: Join[] = [],
): Promise<{ me: UserDoc; a: ActivityDoc; joined: Joined }> {
  const joined = await readWithCaller(ctx, [
    { as: 'activity', from: ACTIVITIES, match: { _id: activityId }, limit: 1 },
    ...extra,
  ]);
  const a = joined.one<ActivityDoc>('activity');
  if (!a) throw notFound('活动');
  return { me: joined.caller, a, joined };
}

/**
 * The caller's late cancellations, joined to a read rooted at the caller: their sign-ups that were ever cancelled
 * late (each keeps its own count, across signing up again). The record is kept there once, not on the profile too.
 */
export const LATE_CANCELS_JOIN: Join = {
  as: 'lateSignups',
  from: SIGNUPS,
  let: { vid: '$_id' },
  expr: { $eq: ['$volunteerId', '$$vid'] },
  match: { lateCancels: _.gt(0) },
  project: { lateCancels: 1 },
};

/** The late cancellations a {@link LATE_CANCELS_JOIN} found. */
export function lateCancelsOf(joined: Pick<Joined, 'all'>): number {
  return joined.all<Pick<SignupDoc, 'lateCancels'>>('lateSignups').reduce((n, s) => n + s.lateCancels, 0);
}

/** The caller's volunteer profile, by identity alone (one round trip). */
export async function volunteerByOpenid(openid: string): Promise<VolunteerDoc | undefined> {
  return rows<VolunteerDoc>(await db.collection(VOLUNTEERS).where({ openid }).limit(1).get())[0];
}

/** A sign-up with every ledger entry of it, in one aggregation (one round trip). */
export async function signupWithEntries(
  signupId: string,
): Promise<{ signup: SignupDoc; entries: HoursEntryDoc[] } | undefined> {
  const res = (await db
    .collection(SIGNUPS)
    .aggregate()
    .match({ _id: signupId })
    .lookup({ from: HOURS, localField: '_id', foreignField: 'signupId', as: 'entries' })
    .limit(1)
    .end()) as { list: (SignupDoc & { entries: HoursEntryDoc[] })[] };
  const found = res.list[0];
  if (!found) return undefined;
  const { entries, ...signup } = found;
  return { signup, entries: [...entries].sort((a, b) => a.n - b.n) };
}

/**
 * The ledger summed per sign-up for entries matching `match` (one aggregation, one round trip): what "my hours",
 * the certificate and the export are built from.
 */
export async function signupHours(
  match: Record<string, unknown>,
  opts: { newestFirst: boolean; limit: number },
): Promise<SignupHours[]> {
  const $ = _.aggregate;
  const res = (await db
    .collection(HOURS)
    .aggregate()
    .match(match)
    .sort({ n: 1 })
    .group({
      _id: '$signupId',
      volunteerId: $.first('$volunteerId'),
      volunteerName: $.last('$volunteerName'),
      activityTitle: $.first('$activityTitle'),
      activityStartAt: $.first('$activityStartAt'),
      organizerName: $.first('$organizer.name'),
      communityName: $.first('$communityName'),
      pending: $.sum('$pendingDelta'),
      verified: $.sum('$verifiedDelta'),
      verifiedFlags: $.push('$verified'),
      autoClosedFlags: $.push('$autoClosed'),
      reasons: $.push('$reason'),
    })
    .sort({ activityStartAt: opts.newestFirst ? -1 : 1, _id: 1 })
    .limit(opts.limit)
    .end()) as { list: SignupHours[] };
  return res.list;
}
