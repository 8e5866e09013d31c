/**
 * saveBid — an admitted organization's staff save their bid on an open call (项目申报): plan, budget lines,
 * indicator targets and team; a draft until `submit`, and editable (draft or submitted) until the deadline. One
 * bid per (call, organization). Submitting needs a plan, at least one budget line and team member, a target for
 * every indicator at or above the call's minimum, and a total within the ceiling.
 * Input: { callId, orgId, plan, budgetLines, targets, team, submit }. Result: BidView.
 * Errors: INVALID_INPUT (incomplete for submitting, over the ceiling, a target below the minimum or unknown),
 * UNAUTHENTICATED, FORBIDDEN (not staff of the organization; not admitted to the street's pool), NOT_FOUND,
 * CONFLICT (the deadline has passed; changed meanwhile), CONTENT_REJECTED.
 * Round trips: 2 (caller with call, organization, pool entry and bid; the insert or conditional update).
 */
import { action } from '../../common/action';
import { requireProvider } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { isDuplicateKey, updatedCount } from '../../common/db';
import { ORGANIZATIONS, type OrgDoc } from '../../common/directory/orgs';
import { conflict, forbidden, invalid, notFound } from '../../common/errors';
import { firstOf } from '../../common/joins';
import type { FieldIssue } from '../../common/reply';
import { callInputs, type BidView } from '../contract';
import { BIDS, POOL, type BidDoc, type PoolEntryDoc } from '../documents';
import { phaseOf } from '../domain/calls';
import { bidIdOf } from '../domain/ids';
import { bidView } from '../domain/views';
import { readCall } from '../steps/callAccess';

export default action({
  input: callInputs.saveBid,
  async run(input, ctx): Promise<BidView> {
    const bidId = bidIdOf(input.callId, input.orgId);
    const moderation = checkTextEarly(ctx.openid, [
      input.plan,
      ...input.budgetLines.map((l) => l.label),
      ...input.team.flatMap((m) => [m.name, m.role, m.qualification]),
    ]);
    const { read, me, call } = await readCall(ctx, input.callId, {
      extra: [
        { as: 'org', from: ORGANIZATIONS, match: { _id: input.orgId }, limit: 1 },
        { as: 'bid', from: BIDS, match: { _id: bidId }, limit: 1 },
        { set: { callStreet: firstOf('call.streetId') } },
        { as: 'pool', from: POOL, localField: 'callStreet', foreignField: 'streetId' },
      ],
    });
    requireProvider(me, input.orgId);
    const org = read.one<OrgDoc>('org');
    if (!org) throw notFound('机构');
    const entry = read.all<PoolEntryDoc>('pool').find((e) => e.orgId === input.orgId);
    if (entry?.status !== 'admitted') throw forbidden('只有进入本街道项目申报备选库的机构可以申报');
    if (phaseOf(call, ctx.now) !== 'open') throw conflict('申报已经截止');
    const issues = problems(call.indicatorTemplates, call.budgetCeilingFen, input);
    if (issues.length) throw invalid(issues[0]!.message, issues);
    await moderation();
    const earlier = read.one<BidDoc>('bid');
    const by = { id: me._id, name: me.realName ?? me.nickname };
    const fields = {
      plan: input.plan,
      budgetLines: input.budgetLines.map((l, i) => ({ key: `b${i + 1}`, ...l })),
      totalFen: input.budgetLines.reduce((s, l) => s + l.amountFen, 0),
      targets: input.targets,
      team: input.team,
    };
    const submitting = input.submit && earlier?.status !== 'submitted';
    const status = input.submit || earlier?.status === 'submitted' ? 'submitted' : 'draft';
    const event = { kind: submitting ? 'submitted' : 'saved', by, at: ctx.now };
    if (!earlier) {
      const bid: BidDoc = {
        _id: bidId,
        callId: call._id,
        streetId: call.streetId,
        scopePath: call.scopePath,
        orgId: org._id,
        orgName: org.name,
        status,
        ...fields,
        ...(status === 'submitted' ? { submittedAt: ctx.now } : {}),
        history: [event],
        rev: 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      try {
        await db.collection(BIDS).add({ data: bid });
      } catch (err) {
        if (isDuplicateKey(err)) throw conflict('申报刚刚被同事保存过，请刷新后再改');
        throw err;
      }
      return bidView(call, bid, 'org', ctx.now);
    }
    const history = [...earlier.history, event];
    const res = await db
      .collection(BIDS)
      .where({ _id: bidId, rev: earlier.rev })
      .update({
        data: {
          ...fields,
          budgetLines: db.command.set(fields.budgetLines),
          targets: db.command.set(fields.targets),
          team: db.command.set(fields.team),
          status,
          ...(submitting ? { submittedAt: ctx.now } : {}),
          history: db.command.set(history),
          rev: earlier.rev + 1,
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) !== 1) throw conflict('申报刚刚被同事改过，请刷新后再改');
    const saved: BidDoc = {
      ...earlier,
      ...fields,
      status,
      ...(submitting ? { submittedAt: ctx.now } : {}),
      history,
      rev: earlier.rev + 1,
    };
    return bidView(call, saved, 'org', ctx.now);
  },
});

/** What is wrong with a bid for this call (drafts are checked for limits; submissions for completeness too). */
function problems(
  templates: { key: string; label: string; minTarget: number }[],
  ceilingFen: number,
  input: {
    plan: string;
    budgetLines: { amountFen: number }[];
    targets: { key: string; target: number }[];
    team: unknown[];
    submit: boolean;
  },
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const total = input.budgetLines.reduce((s, l) => s + l.amountFen, 0);
  if (total > ceilingFen) out.push({ path: 'budgetLines', message: '预算合计超过了项目的预算上限' });
  input.targets.forEach((t, i) => {
    const tpl = templates.find((x) => x.key === t.key);
    if (!tpl) out.push({ path: `targets.${i}.key`, message: '没有这项指标' });
    else if (t.target < tpl.minTarget)
      out.push({ path: `targets.${i}.target`, message: `${tpl.label}不能低于 ${tpl.minTarget}` });
  });
  if (!input.submit) return out;
  if (input.plan.length < 20) out.push({ path: 'plan', message: '服务方案至少写 20 个字' });
  if (input.budgetLines.length === 0) out.push({ path: 'budgetLines', message: '请至少填一项预算' });
  if (input.team.length === 0) out.push({ path: 'team', message: '请至少填一位团队成员' });
  const given = new Set(input.targets.map((t) => t.key));
  const lacking = templates.filter((t) => !given.has(t.key));
  if (lacking.length)
    out.push({ path: 'targets', message: `请填写指标：${lacking.map((t) => t.label).join('、')}` });
  return out;
}
