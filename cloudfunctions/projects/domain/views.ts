/** What the projects function shows (pure): documents → the views of contract.ts, in plain words. */
import { dayClockText, dayText, fullDayText } from '../../../miniprogram/shared/calendar';
import type {
  BidView,
  CallDetail,
  CallListItem,
  ComplaintView,
  PoolEntryView,
  RankedView,
} from '../contract';
import type {
  BidDoc,
  CallDoc,
  ComplaintDoc,
  IndicatorSource,
  PoolEntryDoc,
  RankedBid,
  TrancheCondition,
} from '../documents';
import { TIE_BREAK_TEXT } from './award';
import { deadlineText, fenText, phaseOf, stageText, type CallRoles } from './calls';
import { POOL_EVENT_TEXT, POOL_STATUS_TEXT } from './pool';

/** A pool entry. */
export function poolEntryView(e: PoolEntryDoc, streetName: string): PoolEntryView {
  return {
    id: e._id,
    orgId: e.orgId,
    orgName: e.orgName,
    streetId: e.streetId,
    streetName,
    status: e.status,
    statusText: POOL_STATUS_TEXT[e.status],
    registrationNo: e.application.registrationNo,
    foundedYear: e.application.foundedYear,
    fields: e.application.fields,
    contactName: e.application.contactName,
    contactPhone: e.application.contactPhone,
    documents: e.application.documents,
    checklist: e.checklist.map((c) => ({ ...c, note: c.note ?? '' })),
    credit: e.credit,
    submittedText: dayText(e.application.submittedAt),
    history: [...e.history].reverse().map((h) => ({
      text: `${POOL_EVENT_TEXT[h.kind] ?? h.kind}（${h.by.name}）`,
      when: dayClockText(h.at),
      reason: h.reason ?? '',
    })),
  };
}

const KIND_TEXT = { venture: '公益创投', purchase: '单项采购' } as const;

/** A call in a list. */
export function callListItem(c: CallDoc, now: Date, canBid = false): CallListItem {
  return {
    id: c._id,
    title: c.title,
    kind: c.kind,
    kindText: KIND_TEXT[c.kind],
    category: c.category,
    streetName: c.streetName,
    communityNames: c.communityNames,
    budgetText: `预算上限 ${fenText(c.budgetCeilingFen)}`,
    status: c.status,
    stageText: stageText(c, now),
    deadlineText: `${deadlineText(c.bidDeadline)}截止申报`,
    canBid: canBid && phaseOf(c, now) === 'open',
  };
}

const SOURCE_TEXT: Readonly<Record<IndicatorSource['kind'], string>> = {
  'services.ordersCompleted': '按平台完成的服务订单统计',
  'services.satisfaction': '按订单回访满意度统计',
  'volunteering.recruits': '按志愿者招募记录统计',
  'volunteering.hours': '按核定的志愿服务时长统计',
  'charity.donationsDelivered': '按已送达的捐赠统计',
  'proposals.funded': '按立项的微公益项目统计',
  report: '机构每月填报，附佐证材料',
};

/** Where an indicator's progress comes from, in plain words. */
export const sourceText = (s: IndicatorSource) => SOURCE_TEXT[s.kind];

/** A tranche condition in plain words. */
export function conditionText(c: TrancheCondition): string {
  if (c.kind === 'signed') return '协议签订后';
  return `${c.stage === 'mid' ? '中期' : '终期'}评估达到${c.minGrade}${c.minGrade === '不合格' ? '' : '及以上'}`;
}

/** A ranking line, with every reviewer's total of the bid (`totals`: the current scores' totals). */
export function rankedView(r: RankedBid, showOrg: boolean, totals: readonly number[] = []): RankedView {
  return {
    totalsText: [...totals].sort((a, b) => b - a).join('、'),
    bidId: r.bidId,
    orgName: showOrg ? r.orgName : r.code,
    code: r.code,
    totalText: fenText(r.totalFen),
    scoreText: r.score === null ? '未评分' : `${r.score.toFixed(2)} 分`,
    rank: r.rank,
    awarded: r.awarded,
    note: r.note,
  };
}

/** A complaint. */
export function complaintView(c: ComplaintDoc): ComplaintView {
  return {
    id: c._id,
    orgName: c.orgName,
    text: c.text,
    whenText: dayClockText(c.createdAt),
    answered: c.status === 'answered',
    upheld: c.answer?.upheld ?? false,
    answer: c.answer?.text ?? '',
  };
}

/** The parts of the call's page everyone sees (the action adds what the caller's roles allow). */
export function callDetailBase(
  c: CallDoc,
  now: Date,
  roles: CallRoles,
  canBid: boolean,
): Omit<
  CallDetail,
  | 'submittedCount'
  | 'bids'
  | 'reviewers'
  | 'ranking'
  | 'complaints'
  | 'canPrequalify'
  | 'canAward'
  | 'canMakeContracts'
  | 'waitingText'
> {
  return {
    ...callListItem(c, now, canBid),
    description: c.description,
    targetGroups: c.targetGroups,
    // The period ends at 24:00 of its last day: show that day, with the years (a period spans the new year).
    periodText: `${fullDayText(c.period.from)}至${fullDayText(new Date(c.period.to.getTime() - 1))}`,
    indicators: c.indicatorTemplates.map((t) => ({
      key: t.key,
      label: t.label,
      unitText: t.unit,
      minTarget: t.minTarget,
      sourceText: sourceText(t.source),
    })),
    paymentTerms: c.paymentTerms.map((p) => ({
      label: p.label,
      percent: p.percent,
      conditionText: conditionText(p.condition),
    })),
    scoreSheet: c.scoreSheet,
    passScore: c.passScore,
    blind: c.blind,
    complaintDays: c.complaintDays,
    complaintUntilText: c.result ? dayText(c.result.complaintUntil) : '',
    tieBreak: TIE_BREAK_TEXT,
    demandCount: c.demandCount,
    supervisorName: c.supervisor.name,
    roles,
    contractIds: c.contractIds,
  };
}

/** A bid as `as` reads it (a reviewer of a blind call never sees the organization). */
export function bidView(c: CallDoc, b: BidDoc, as: 'org' | 'admin' | 'reviewer', now: Date): BidView {
  const q = c.prequalification.find((p) => p.bidId === b._id);
  const hide = as === 'reviewer' && c.blind;
  const targets = new Map(b.targets.map((t) => [t.key, t.target]));
  return {
    id: b._id,
    callId: c._id,
    callTitle: c.title,
    orgId: hide ? null : b.orgId,
    orgName: hide ? (q?.code ?? '') : b.orgName,
    code: q?.code ?? '',
    status: b.status,
    statusText: b.status === 'draft' ? '草稿' : '已提交',
    plan: b.plan,
    budgetLines: b.budgetLines.map((l) => ({
      label: l.label,
      amountFen: l.amountFen,
      amountText: fenText(l.amountFen),
    })),
    totalText: fenText(b.totalFen),
    targets: c.indicatorTemplates.map((t) => ({
      key: t.key,
      label: t.label,
      target: targets.get(t.key) ?? null,
      unitText: t.unit,
    })),
    team: hide ? b.team.map((m) => ({ ...m, name: '（隐去）' })) : b.team,
    editable: as === 'org' && phaseOf(c, now) === 'open',
    submittedText: b.submittedAt ? dayClockText(b.submittedAt) : '',
  };
}
