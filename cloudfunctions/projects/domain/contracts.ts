/**
 * The contract an award makes (pure): one per awarded bid, its `_id` derived from (call, organization), so two admins making the
 * contracts of one call at once write one set (the second insert meets the primary key).
 */
import { idempotentId } from '../../common/ids';
import type { BidDoc, CallDoc, ContractDoc, Indicator, ProjectActor, Tranche } from '../documents';

/** The contract id of an awarded bid (one per call and organization). */
export const contractIdOf = (bid: Pick<BidDoc, 'callId' | 'orgId'>) =>
  idempotentId(bid.callId, 'contract', bid.orgId);

/** Tranche amounts in fen from the percentages; the last takes the rounding so they add up to the total. */
export function trancheAmounts(totalFen: number, percents: readonly number[]): number[] {
  const out = percents.map((p) => Math.floor((totalFen * p) / 100));
  const rest = totalFen - out.reduce((s, x) => s + x, 0);
  if (out.length) out[out.length - 1]! += rest;
  return out;
}

/** The three-party contract of an awarded bid, in status `signing`. */
export function contractOf(call: CallDoc, bid: BidDoc, by: ProjectActor, now: Date): ContractDoc {
  const targets = new Map(bid.targets.map((t) => [t.key, t.target]));
  const indicators: Indicator[] = call.indicatorTemplates.map((t) => ({
    key: t.key,
    label: t.label,
    kind: t.kind,
    source: t.source,
    target: targets.get(t.key) ?? t.minTarget,
    unit: t.unit,
  }));
  const amounts = trancheAmounts(
    bid.totalFen,
    call.paymentTerms.map((p) => p.percent),
  );
  const tranches: Tranche[] = call.paymentTerms.map((p, i) => ({
    key: p.key,
    label: p.label,
    percent: p.percent,
    amountFen: amounts[i]!,
    condition: p.condition,
  }));
  const mid = new Date((call.period.from.getTime() + call.period.to.getTime()) / 2);
  return {
    _id: contractIdOf(bid),
    callId: call._id,
    bidId: bid._id,
    title: call.title,
    category: call.category,
    orgId: bid.orgId,
    orgName: bid.orgName,
    streetId: call.streetId,
    scopePath: call.scopePath,
    communityIds: call.communityIds,
    communityNames: call.communityNames,
    parties: {
      buyer: { name: call.streetName },
      provider: { orgId: bid.orgId, name: bid.orgName },
      supervisor: { name: call.supervisor.name, userIds: call.supervisor.userIds },
    },
    amountFen: bid.totalFen,
    budgetLines: bid.budgetLines,
    period: call.period,
    indicators,
    milestones: [
      { key: 'mid', label: '中期评估', due: mid },
      { key: 'final', label: '终期评估', due: call.period.to },
    ],
    tranches,
    signatures: [],
    status: 'signing',
    history: [{ kind: 'created', by, at: now, reason: `${call.title} 评审结果公示期满` }],
    rev: 0,
    createdAt: now,
    updatedAt: now,
  };
}
