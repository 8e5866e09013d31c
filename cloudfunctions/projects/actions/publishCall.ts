/**
 * publishCall — a street admin publishes a call (项目发布): a 公益创投 round or a single purchase, built from the
 * demand list where it says so, with its communities, budget ceiling, period, indicator templates, payment terms,
 * bid deadline (bids close at 24:00 that day, Beijing), complaint window, weighted score sheet, pass mark,
 * blind or not, the reviewers it appoints (any users) and the supervisor. Idempotent on the client's key.
 * Input: see callInputs.publishCall. Result: CallRef.
 * Errors: INVALID_INPUT (incl. a community, demand line, reviewer or supervisor not found or outside the street),
 * UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND (street), CONTENT_REJECTED.
 * Round trips: 2 (caller with the street, communities, demand lines, people and any call made under the key;
 * the insert); a replay: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _ } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { USERS, type UserDoc } from '../../common/directory/users';
import { invalid, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { readWithCaller } from '../../common/joins';
import { addDays, startOfDate } from '../../../miniprogram/shared/calendar';
import { callInputs, type CallRef } from '../contract';
import { CALLS, SERVICE_DEMANDS, type CallDoc, type DemandLineRef } from '../documents';

export default action({
  input: callInputs.publishCall,
  async run(input, ctx): Promise<CallRef> {
    const callId = idempotentId(ctx.openid, 'publishCall', input.idempotencyKey);
    const people = [...new Set([...input.reviewerIds, ...input.supervisor.userIds])];
    const read = await readWithCaller(ctx, [
      { as: 'earlier', from: CALLS, match: { _id: callId }, limit: 1, project: { title: 1, status: 1 } },
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
      { as: 'communities', from: PLACES, match: { _id: _.in(input.communityIds), level: 'community' } },
      { as: 'demands', from: SERVICE_DEMANDS, match: { _id: _.in(input.demandIds) } },
      {
        as: 'people',
        from: USERS,
        match: { _id: _.in(people) },
        project: { realName: 1, nickname: 1, kind: 1 },
      },
    ]);
    const reply = (c: Pick<CallDoc, '_id' | 'title' | 'status'>): CallRef => ({
      id: c._id,
      title: c.title,
      status: c.status,
    });
    const earlier = read.one<CallDoc>('earlier');
    if (earlier) return reply(earlier);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    const me = read.caller;
    requireAdminOver(me, street.path);
    const communities = read.all<PlaceDoc>('communities').filter((c) => c.path.includes(street._id));
    const missing = input.communityIds.findIndex((id) => !communities.some((c) => c._id === id));
    if (missing >= 0)
      throw invalid('社区不在本街道', [{ path: `communityIds.${missing}`, message: 'not in street' }]);
    const demands = read.all<DemandLineRef>('demands').filter((d) => d.placePath.includes(street._id));
    const badDemand = input.demandIds.findIndex((id) => !demands.some((d) => d._id === id));
    if (badDemand >= 0)
      throw invalid('需求不在本街道的需求清单中', [{ path: `demandIds.${badDemand}`, message: 'not found' }]);
    const found = read.all<UserDoc>('people').filter((u) => u.kind === 'wechat');
    const nameOf = (id: string) => {
      const u = found.find((p) => p._id === id);
      return u ? (u.realName ?? u.nickname) : undefined;
    };
    const badReviewer = input.reviewerIds.findIndex((id) => !nameOf(id));
    if (badReviewer >= 0)
      throw invalid('找不到这位评审专家', [{ path: `reviewerIds.${badReviewer}`, message: 'not found' }]);
    const badSupervisor = input.supervisor.userIds.findIndex((id) => !nameOf(id));
    if (badSupervisor >= 0)
      throw invalid('找不到这位监管人', [
        { path: `supervisor.userIds.${badSupervisor}`, message: 'not found' },
      ]);
    const bidDeadline = startOfDate(addDays(input.bidDeadline, 1));
    if (bidDeadline <= ctx.now)
      throw invalid('截止日期已经过了', [{ path: 'bidDeadline', message: 'in the past' }]);
    await checkText(ctx.openid, [input.title, input.description, input.category, ...input.targetGroups]);
    const by = { id: me._id, name: me.realName ?? me.nickname };
    const ordered = input.communityIds.map((id) => communities.find((c) => c._id === id)!);
    const call: CallDoc = {
      _id: callId,
      streetId: street._id,
      streetName: street.name,
      scopePath: street.path,
      kind: input.kind,
      title: input.title,
      category: input.category,
      description: input.description,
      targetGroups: input.targetGroups,
      communityIds: ordered.map((c) => c._id),
      communityNames: ordered.map((c) => c.name),
      demandIds: input.demandIds,
      demandCount: demands.reduce((s, d) => s + d.count, 0),
      budgetCeilingFen: input.budgetCeilingFen,
      period: { from: startOfDate(input.periodFrom), to: startOfDate(addDays(input.periodTo, 1)) },
      indicatorTemplates: input.indicatorTemplates,
      paymentTerms: input.paymentTerms,
      bidDeadline,
      complaintDays: input.complaintDays,
      scoreSheet: input.scoreSheet,
      passScore: input.passScore,
      blind: input.blind,
      reviewers: input.reviewerIds.map((userId) => ({ userId, name: nameOf(userId)! })),
      reviewerIds: input.reviewerIds,
      conflicts: {},
      supervisor: input.supervisor,
      status: 'open',
      prequalification: [],
      contractIds: [],
      history: [{ kind: 'published', by, at: ctx.now }],
      rev: 0,
      createdBy: by,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: CALLS, build: () => call, reply });
  },
});
