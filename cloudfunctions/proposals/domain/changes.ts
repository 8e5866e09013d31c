/**
 * Abandoning or reducing a funded project (pure): its author asks, an admin of the round's place approves or
 * refuses. On approval the unspent part of the budget goes back to the round: for a reduction, the difference
 * between the old and the new budget; for an abandonment, what was not spent (the project's budget becomes what it
 * spent, so its account shows nothing left). The requests live on the round, so approving is one conditional update
 * of the round: the money returns once. Invariant: awarded at the vote = sum of current budgets + returned.
 */
import { conflict, forbidden, invalid } from '../../common/errors';

/** What the author asks. */
export type ChangeKind = 'abandon' | 'reduce';

/** A request, kept on the round (`RoundDoc.changes`). */
export interface ChangeDoc {
  /** From the author's idempotency key (a retried tap finds it). */
  id: string;
  proposalId: string;
  kind: ChangeKind;
  /** The budget asked for (yuan); for an abandonment, 0. */
  budget: number;
  reason: string;
  by: string;
  at: Date;
  status: 'pending' | 'approved' | 'refused';
  decidedBy?: string;
  decidedAt?: Date;
  note?: string;
  /** What went back to the round on approval (fen). */
  returnedFen?: number;
  /** The project's budget after approval (fen). */
  budgetFen?: number;
}

/** Where a funded project stands after its approved changes. */
export interface ProjectChangeState {
  /** The current budget (fen). */
  budgetFen: number;
  /** Returned to the round so far (fen). */
  returnedFen: number;
  abandoned: boolean;
  pending?: ChangeDoc;
}

/** The project's current budget, what it gave back, and any pending request. */
export function changeState(
  awardedYuan: number,
  proposalId: string,
  changes: readonly ChangeDoc[],
): ProjectChangeState {
  let budgetFen = awardedYuan * 100;
  let returnedFen = 0;
  let abandoned = false;
  let pending: ChangeDoc | undefined;
  for (const c of changes) {
    if (c.proposalId !== proposalId) continue;
    if (c.status === 'pending') pending = c;
    if (c.status !== 'approved') continue;
    budgetFen = c.budgetFen ?? budgetFen;
    returnedFen += c.returnedFen ?? 0;
    if (c.kind === 'abandon') abandoned = true;
  }
  return { budgetFen, returnedFen, abandoned, ...(pending ? { pending } : {}) };
}

/** Total returned to the round (fen). */
export function returnedToRound(changes: readonly ChangeDoc[]): number {
  return changes.reduce((s, c) => s + (c.status === 'approved' ? (c.returnedFen ?? 0) : 0), 0);
}

/** Throws unless the author may ask now for this change. */
export function requireCanRequest(
  state: ProjectChangeState,
  p: { funded: boolean; completed: boolean; isAuthor: boolean; inProgress: boolean },
  ask: { kind: ChangeKind; budget?: number },
  spentFen: number,
): void {
  if (!p.isAuthor) throw forbidden('只有提案人可以申请终止或缩减项目');
  if (!p.funded) throw conflict('只有获得资助的项目可以申请终止或缩减');
  if (p.completed || state.abandoned) throw conflict('项目已经结束，不能再申请');
  if (!p.inProgress) throw conflict('项目实施阶段才能申请终止或缩减');
  if (state.pending) throw conflict('已有一个申请在等待管理员审批');
  if (ask.kind === 'reduce') {
    if (ask.budget === undefined)
      throw invalid('请填写缩减后的预算', [{ path: 'budget', message: 'required' }]);
    if (ask.budget * 100 >= state.budgetFen)
      throw invalid('缩减后的预算要少于现在的预算', [{ path: 'budget', message: 'not smaller' }]);
    if (ask.budget * 100 < spentFen)
      throw invalid(`已经支出 ${spentFen / 100} 元，预算不能少于已支出的钱`, [
        { path: 'budget', message: 'below spent' },
      ]);
  }
}

/** What approving a request does to the project's budget, given what has been spent by now. */
export function approvalEffect(
  state: ProjectChangeState,
  c: Pick<ChangeDoc, 'kind' | 'budget'>,
  spentFen: number,
): { budgetFen: number; returnedFen: number } {
  if (c.kind === 'abandon') {
    const keep = Math.min(state.budgetFen, spentFen);
    return { budgetFen: keep, returnedFen: state.budgetFen - keep };
  }
  const budgetFen = c.budget * 100;
  if (budgetFen < spentFen) throw conflict('申请之后又登记了支出，已支出超过缩减后的预算，请拒绝后重新申请');
  return { budgetFen, returnedFen: state.budgetFen - budgetFen };
}

/** Words for the messages and pages. */
export function changeLabel(c: Pick<ChangeDoc, 'kind' | 'budget'>): string {
  return c.kind === 'abandon' ? '终止项目' : `预算缩减为 ${c.budget} 元`;
}
