/**
 * Amendments (补充协议), pure: the terms in force (the signed contract with the amendments all three parties signed
 * applied in order), what a proposal changes and what it replaces, checked against those terms, and the view the
 * contract page shows of each amendment. The contract document itself is never edited after its signatures.
 */
import { addDays, dateKey, startOfDate } from '../../../miniprogram/shared/calendar';
import type { AmendmentChanges, AmendmentDoc, ContractDoc, ContractParty } from '../documents';

/** A renewal (续签) may extend the period by at most this many days past its current end. */
export const RENEWAL_MAX_DAYS = 366;

/** The terms an amendment can change. */
type Terms = Pick<ContractDoc, 'indicators' | 'milestones' | 'budgetLines' | 'period' | 'amountFen'>;

/** The contract with the effective amendments applied in their order (what every contract action works on). */
export function currentTerms<C extends Terms>(contract: C, amendments: readonly AmendmentDoc[]): C {
  return amendments
    .filter((a) => a.status === 'effective')
    .sort((a, b) => a.n - b.n)
    .reduce((c, a) => applyChanges(c, a.changes), contract);
}

function applyChanges<C extends Terms>(c: C, ch: AmendmentChanges): C {
  const targets = new Map((ch.targets ?? []).map((t) => [t.key, t.target]));
  const dues = new Map((ch.milestones ?? []).map((m) => [m.key, m.due]));
  return {
    ...c,
    indicators: c.indicators.map((i) => (targets.has(i.key) ? { ...i, target: targets.get(i.key)! } : i)),
    milestones: c.milestones.map((m) => (dues.has(m.key) ? { ...m, due: dues.get(m.key)! } : m)),
    budgetLines: ch.budgetLines ?? c.budgetLines,
    period: ch.periodTo ? { ...c.period, to: ch.periodTo } : c.period,
  };
}

/** What a proposal asks for (dates as Beijing date keys; a budget line without key is a new line). */
export interface ProposedChanges {
  targets: { key: string; target: number }[];
  milestones: { key: string; due: string }[];
  budgetLines?: { key?: string | undefined; label: string; amountFen: number }[];
  periodTo?: string | undefined;
}

/** A field a proposal got wrong, in the words of INVALID_INPUT. */
export interface ChangeIssue {
  path: string;
  message: string;
}

/**
 * The changes and the terms they replace, checked against the terms in force: known indicators and milestones,
 * something actually changed, budget lines that keep every existing line and add up to the contract amount, a
 * period extended by at most a year. `n` names new budget lines (`a<n>_<i>`).
 */
export function proposalOf(
  terms: Terms,
  p: ProposedChanges,
  n: number,
): { changes: AmendmentChanges; before: AmendmentChanges } | ChangeIssue {
  const changes: AmendmentChanges = {};
  const before: AmendmentChanges = {};
  const targets = p.targets.filter((t) => terms.indicators.find((i) => i.key === t.key)?.target !== t.target);
  for (const t of p.targets)
    if (!terms.indicators.some((i) => i.key === t.key))
      return { path: 'targets', message: '合同没有这项指标' };
  if (targets.length) {
    changes.targets = targets;
    before.targets = targets.map((t) => ({
      key: t.key,
      target: terms.indicators.find((i) => i.key === t.key)!.target,
    }));
  }
  const milestones: { key: string; due: Date }[] = [];
  for (const m of p.milestones) {
    const was = terms.milestones.find((x) => x.key === m.key);
    if (!was) return { path: 'milestones', message: '合同没有这个节点' };
    const due = startOfDate(m.due);
    if (due.getTime() !== was.due.getTime()) milestones.push({ key: m.key, due });
  }
  if (milestones.length) {
    changes.milestones = milestones;
    before.milestones = milestones.map((m) => ({
      key: m.key,
      due: terms.milestones.find((x) => x.key === m.key)!.due,
    }));
  }
  if (p.budgetLines) {
    const lines = p.budgetLines.map((l, i) => ({
      key: l.key ?? `a${n}_${i + 1}`,
      label: l.label,
      amountFen: l.amountFen,
    }));
    if (terms.budgetLines.some((old) => !lines.some((l) => l.key === old.key)))
      return { path: 'budgetLines', message: '已有的预算项不能删去（可以把金额调为 0）' };
    if (new Set(lines.map((l) => l.key)).size !== lines.length)
      return { path: 'budgetLines', message: '预算项重复了' };
    if (lines.reduce((t, l) => t + l.amountFen, 0) !== terms.amountFen)
      return { path: 'budgetLines', message: '调整后的预算合计要等于合同金额' };
    const same =
      lines.length === terms.budgetLines.length &&
      lines.every((l) => {
        const old = terms.budgetLines.find((o) => o.key === l.key)!;
        return old.amountFen === l.amountFen && old.label === l.label;
      });
    if (!same) {
      changes.budgetLines = lines;
      before.budgetLines = terms.budgetLines;
    }
  }
  if (p.periodTo) {
    // The period's `to` is the first instant after its last day.
    const lastDay = dateKey(new Date(terms.period.to.getTime() - 1));
    if (p.periodTo < lastDay) return { path: 'periodTo', message: '服务期只能延长，不能缩短' };
    if (p.periodTo > addDays(lastDay, RENEWAL_MAX_DAYS))
      return { path: 'periodTo', message: '一次最多续签一年' };
    if (p.periodTo !== lastDay) {
      changes.periodTo = startOfDate(addDays(p.periodTo, 1));
      before.periodTo = terms.period.to;
    }
  }
  if (Object.keys(changes).length === 0) return { path: 'reason', message: '没有要变更的内容' };
  return { changes, before };
}

/** An amendment as the contract's parties see it: what changed from what, who proposed and who signed. */
export function amendmentView(a: AmendmentDoc, terms: Terms, my: readonly ContractParty[]) {
  const label = (key: string) => terms.indicators.find((i) => i.key === key);
  return {
    id: a._id,
    n: a.n,
    reason: a.reason,
    status: a.status,
    proposedBy: { party: a.proposedBy.party, name: a.proposedBy.by.name },
    createdAt: a.createdAt,
    effectiveAt: a.effectiveAt ?? null,
    signatures: a.signatures.map((s) => ({ party: s.party, name: s.by.name, at: s.at })),
    maySign:
      a.status === 'signing'
        ? my.filter((p) => !a.signatures.some((s) => s.party === p))
        : ([] as ContractParty[]),
    targets: (a.changes.targets ?? []).map((t) => ({
      label: label(t.key)?.label ?? t.key,
      unit: label(t.key)?.unit ?? '',
      from: a.before.targets?.find((b) => b.key === t.key)?.target ?? null,
      to: t.target,
    })),
    milestones: (a.changes.milestones ?? []).map((m) => ({
      label: terms.milestones.find((x) => x.key === m.key)?.label ?? m.key,
      from: a.before.milestones?.find((b) => b.key === m.key)?.due ?? null,
      to: m.due,
    })),
    budgetLines: (a.changes.budgetLines ?? []).map((l) => ({
      label: l.label,
      fromFen: a.before.budgetLines?.find((b) => b.key === l.key)?.amountFen ?? null,
      toFen: l.amountFen,
    })),
    periodTo: a.changes.periodTo ? { from: a.before.periodTo ?? null, to: a.changes.periodTo } : null,
  };
}

/** An amendment on the contract page. */
export type AmendmentView = ReturnType<typeof amendmentView>;
