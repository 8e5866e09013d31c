/**
 * submit — a resident or a grid member reports a problem (随手拍): photos (their own uploads), the place (the grid
 * is found on the server from the point), the matter and a description. An open report of the same matter close by
 * (steps/nearby.ts) takes it in instead: the caller follows that one and their photos and words join its timeline.
 * Each submission takes one of the reporter's 20 a day by a conditional update of their day's quota, tagged with
 * the submission's id, so concurrent taps never exceed it and a replay takes nothing twice.
 * Input: { matterId, location, address, description, photos, idempotencyKey }. Result: SubmitResult.
 * Errors: INVALID_INPUT (not one's own photos; outside every grid of the street), UNAUTHENTICATED, NOT_FOUND
 * (matter), LIMIT_REACHED (20 today), CONTENT_REJECTED (text or a photo).
 * Round trips: 3 (caller with grids, matter, nearby reports, the quota and any earlier submission; the quota take;
 * the insert or the merge); 4 when the matter goes to its department at once (the reporter's message kept in their
 * message centre); a replay: 1; a twin racing its own replay: one read more (the quota's or the merged report's
 * tag).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { findById, geoPoint, isDuplicateKey, updatedCount } from '../../common/db';
import { invalid, limitReached, notFound } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import { checkPhotosEarly } from '../../common/imageCheck';
import { requireOwnUploads } from '../../common/uploads';
import { dateKey } from '../../../miniprogram/shared/calendar';
import { REPORTS_LIMITS, reportsInputs, type SubmitResult } from '../contract';
import { deadlines, firstStatus } from '../domain/flow';
import { gridAt } from '../domain/geo';
import { nameOf } from '../domain/people';
import {
  GRIDS,
  MATTERS,
  OPEN_STATUSES,
  QUOTAS,
  REPORTS,
  type GridDoc,
  type MatterDoc,
  type QuotaDoc,
  type ReportDoc,
} from '../documents';
import { notifyFollowers } from '../notices';
import { sameNearby, sameNearbyJoin } from '../steps/nearby';

const L = REPORTS_LIMITS;

export default action({
  input: reportsInputs.submit,
  async run(input, ctx): Promise<SubmitResult> {
    const rid = idempotentId(ctx.openid, 'report', input.idempotencyKey);
    const day = dateKey(ctx.now);
    const checked = checkTextEarly(ctx.openid, [input.description, input.address]);
    const photosChecked = checkPhotosEarly(input.photos, 'photos');
    const read = await readWithCaller(ctx, [
      { set: { streetId: _.aggregate.arrayElemAt(['$placePath', 1]) } },
      { as: 'grids', from: GRIDS, let: { s: '$streetId' }, expr: { $eq: ['$streetId', '$$s'] }, limit: 500 },
      { as: 'matter', from: MATTERS, match: { _id: input.matterId }, limit: 1, project: { history: 0 } },
      sameNearbyJoin(input.matterId, input.location, ctx.now),
      {
        as: 'quota',
        from: QUOTAS,
        let: { me: '$_id' },
        expr: { $eq: ['$_id', { $concat: ['$$me', `:${day}`] }] },
        limit: 1,
      },
      { as: 'earlier', from: REPORTS, match: { _id: rid }, limit: 1, project: { _id: 1 } },
    ]);
    const me = read.caller;
    if (read.one('earlier')) return { id: rid, merged: false };
    const quota = read.one<QuotaDoc>('quota');
    const landed = quota?.ids[rid];
    if (landed && landed !== rid) return { id: landed, merged: true };

    const matter = read.one<MatterDoc>('matter');
    if (!matter || matter.streetId !== me.placePath[1]) throw notFound('事项');
    requireOwnUploads(input.photos, { folder: L.photoFolder, userId: me._id, field: 'photos' });
    const grid = gridAt(read.all<GridDoc>('grids'), input.location);
    if (!grid)
      throw invalid('这个位置不在本街道的任何网格内，请在地图上重新选点', [
        { path: 'location', message: 'outside every grid' },
      ]);
    await Promise.all([checked(), photosChecked()]);
    const nearby = landed ? undefined : sameNearby(read.all<ReportDoc>('nearby'), input.location)[0];
    // What the quota's tag says this submission lands in: twins agree on it, whoever took the quota.
    const target = landed ?? (await takeQuota(me._id, `${me._id}:${day}`, quota, rid, nearby?._id ?? rid));

    // Into the open report nearby (or a twin already put it there); if that closed meanwhile, a report of its own.
    if (target !== rid && (await mergeInto(target, rid, { id: me._id, openid: ctx.openid }, input, ctx.now)))
      return { id: target, merged: true };

    const byTeam = grid.teamIds.includes(me._id);
    const status = firstStatus(matter.patrolFirst, byTeam);
    const doc: ReportDoc = {
      _id: rid,
      streetId: grid.streetId,
      placePath: grid.placePath,
      gridId: grid._id,
      gridName: grid.name,
      communityName: grid.communityName,
      matterId: matter._id,
      matterName: matter.name,
      matterVersion: matter.version,
      category: matter.category,
      departmentId: matter.departmentId,
      departmentName: matter.departmentName,
      patrolFirst: matter.patrolFirst,
      respondHours: matter.respondHours,
      resolveHours: matter.resolveHours,
      point: geoPoint(input.location),
      lat: input.location.latitude,
      lng: input.location.longitude,
      address: input.address,
      description: input.description,
      photos: input.photos,
      reporterId: me._id,
      reporterOpenid: ctx.openid,
      byTeam,
      status,
      followerIds: [me._id],
      followerOpenids: [ctx.openid],
      merged: 0,
      timeline: [
        { kind: 'submitted', at: ctx.now, by: byTeam ? `网格员 ${nameOf(me).slice(0, 1)}*` : '居民' },
        ...(status === 'dispatched'
          ? [
              {
                kind: 'dispatched' as const,
                at: ctx.now,
                by: '系统',
                note: `按事项清单派给${matter.departmentName}`,
              },
            ]
          : []),
      ],
      ...(status === 'dispatched' ? deadlines(matter, ctx.now) : {}),
      reopened: false,
      escalated: [],
      everOverdue: false,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    try {
      await db.collection(REPORTS).add({ data: doc });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return { id: rid, merged: false };
    }
    if (status === 'dispatched') await notifyFollowers(doc, status, `已派给${matter.departmentName}`);
    return { id: rid, merged: false };
  },
});

/**
 * Joins a submission to the open report `target` (tagged, so a twin joins once): the reporter follows it, their
 * words and photos go on its timeline. Whether it is (now) in there; false when the report closed meanwhile.
 */
async function mergeInto(
  target: string,
  rid: string,
  me: { id: string; openid: string },
  input: { description: string; photos: string[] },
  now: Date,
): Promise<boolean> {
  const res = await db
    .collection(REPORTS)
    .where({ _id: target, status: _.in([...OPEN_STATUSES]), [`merges.${rid}`]: _.exists(false) })
    .update({
      data: {
        [`merges.${rid}`]: true,
        followerIds: _.addToSet(me.id),
        followerOpenids: _.addToSet(me.openid),
        merged: _.inc(1),
        timeline: _.push([
          { kind: 'merged', at: now, by: '居民', note: input.description, photos: input.photos },
        ]),
        updatedAt: now,
      },
    });
  if (updatedCount(res) === 1) return true;
  return Boolean((await findById<ReportDoc>(REPORTS, target))?.merges?.[rid]);
}

/**
 * Takes one of today's submissions, tagged with the submission's id and where it lands (returned, as a twin recorded
 * it when one took it first): a conditional update while fewer than the limit are taken, or the day's first insert.
 * LIMIT_REACHED when the day is used up.
 */
async function takeQuota(
  userId: string,
  id: string,
  quota: QuotaDoc | undefined,
  rid: string,
  target: string,
): Promise<string> {
  const take = async () =>
    updatedCount(
      await db
        .collection(QUOTAS)
        .where({ _id: id, n: _.lt(L.perDay), [`ids.${rid}`]: _.exists(false) })
        .update({ data: { n: _.inc(1), [`ids.${rid}`]: target } }),
    ) === 1;
  if (quota) {
    if (await take()) return target;
  } else {
    try {
      await db.collection(QUOTAS).add({ data: { _id: id, userId, n: 1, ids: { [rid]: target } } });
      return target;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (await take()) return target;
    }
  }
  // A twin of this submission (a retried tap in flight) may hold it: then carry on with what it recorded.
  const held = (await findById<QuotaDoc>(QUOTAS, id))?.ids[rid];
  if (held) return held;
  throw limitReached(`每人每天最多报告 ${L.perDay} 件，明天再来吧`);
}
