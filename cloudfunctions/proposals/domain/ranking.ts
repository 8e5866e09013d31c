/**
 * Results (pure): the ranking with its published tie-break rule, awards down the ranking while the budget lasts,
 * and admin decisions that depart from the ranking, each with a published reason.
 */
import { invalid } from '../../common/errors';
import type { FieldIssue } from '../../common/reply';

/** One key of the tie-break order. */
export interface TieBreakKey {
  field: 'votes' | 'budget' | 'submittedAt' | 'id';
  order: 'asc' | 'desc';
}

/** The ranking order, published as data with each round and its results. */
export const TIE_BREAK: { keys: readonly TieBreakKey[]; text: string } = {
  keys: [
    { field: 'votes', order: 'desc' },
    { field: 'budget', order: 'asc' },
    { field: 'submittedAt', order: 'asc' },
    { field: 'id', order: 'asc' },
  ],
  text: '按得票从多到少排名；得票相同时，预算少的在前（同样的钱能办更多事）；预算也相同时，先提交的在前。',
};

/** The rule for awards, published with the results. */
export const AWARD_RULE =
  '从排名第一开始依次资助，剩余预算不够的提案跳过、继续看下一个；得票少于最低票数的不资助。管理员如调整，须逐条公布理由。';

/** A proposal entering the ranking. */
export interface Candidate {
  id: string;
  title: string;
  budget: number;
  votes: number;
  submittedAt: Date;
}

/** A ranked proposal. */
export interface Ranked extends Candidate {
  /** 1-based place in the tie-broken order. */
  position: number;
  /** Competition rank by votes alone (1, 2, 2, 4): equal votes share a rank. */
  rank: number;
  /** Whether another proposal has the same votes (the tie-break decided their order). */
  tied: boolean;
}

/** Why a proposal is or is not funded. */
export type AwardBasis = 'ranking' | 'budget_exhausted' | 'below_min_votes' | 'admin';

/** A result line. */
export interface Award extends Ranked {
  funded: boolean;
  basis: AwardBasis;
  /** Published reason (always for admin decisions). */
  reason: string;
}

/** Compares two candidates by the tie-break order. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  for (const { field, order } of TIE_BREAK.keys) {
    const av = field === 'submittedAt' ? a.submittedAt.getTime() : a[field];
    const bv = field === 'submittedAt' ? b.submittedAt.getTime() : b[field];
    if (av === bv) continue;
    const less = av < bv ? -1 : 1;
    return order === 'asc' ? less : -less;
  }
  return 0;
}

/** Ranks candidates by the tie-break order. */
export function rank(candidates: readonly Candidate[]): Ranked[] {
  const sorted = [...candidates].sort(compareCandidates);
  const byVotes = new Map<number, number>();
  for (const c of sorted) byVotes.set(c.votes, (byVotes.get(c.votes) ?? 0) + 1);
  let rankAt = 0;
  return sorted.map((c, i) => {
    if (i === 0 || sorted[i - 1]!.votes !== c.votes) rankAt = i + 1;
    return { ...c, position: i + 1, rank: rankAt, tied: byVotes.get(c.votes)! > 1 };
  });
}

const REASONS: Record<Exclude<AwardBasis, 'admin'>, (r: Ranked) => string> = {
  ranking: (r) => `排名第 ${r.position}，预算内获得资助`,
  budget_exhausted: () => '剩余预算不足，未获资助',
  below_min_votes: () => '得票未达最低票数，未获资助',
};

/** Awards down the ranking while the budget lasts (a proposal that does not fit is skipped, the next tried). */
export function allocate(ranked: readonly Ranked[], totalBudget: number, minVotes: number): Award[] {
  let left = totalBudget;
  return ranked.map((r) => {
    let basis: AwardBasis;
    if (r.votes < minVotes) basis = 'below_min_votes';
    else if (r.budget <= left) basis = 'ranking';
    else basis = 'budget_exhausted';
    const funded = basis === 'ranking';
    if (funded) left -= r.budget;
    return { ...r, funded, basis, reason: REASONS[basis](r) };
  });
}

/** An admin's departure from the ranking for one proposal. */
export interface Decision {
  proposalId: string;
  funded: boolean;
  reason: string;
}

/**
 * Applies admin decisions to the allocation. Each must name a ranked proposal once and change its outcome; the
 * funded total must stay within the budget.
 */
export function applyDecisions(
  awards: readonly Award[],
  decisions: readonly Decision[],
  totalBudget: number,
): Award[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    const a = awards.find((x) => x.id === d.proposalId);
    if (!a) issues.push({ path: `decisions.${i}.proposalId`, message: '不在本轮结果中' });
    else if (seen.has(d.proposalId)) issues.push({ path: `decisions.${i}.proposalId`, message: '重复' });
    else if (a.funded === d.funded)
      issues.push({ path: `decisions.${i}.funded`, message: '与按排名的结果相同，无需调整' });
    seen.add(d.proposalId);
  });
  if (issues.length > 0) throw invalid('调整有误', issues);
  const out = awards.map((a) => {
    const d = decisions.find((x) => x.proposalId === a.id);
    return d ? { ...a, funded: d.funded, basis: 'admin' as const, reason: d.reason } : a;
  });
  const used = fundedTotal(out);
  if (used > totalBudget)
    throw invalid(`调整后资助合计 ${used} 元，超过本轮预算 ${totalBudget} 元`, [
      { path: 'decisions', message: 'over budget' },
    ]);
  return out;
}

/** The budget the funded proposals use. */
export function fundedTotal(awards: readonly Pick<Award, 'funded' | 'budget'>[]): number {
  return awards.reduce((s, a) => s + (a.funded ? a.budget : 0), 0);
}
