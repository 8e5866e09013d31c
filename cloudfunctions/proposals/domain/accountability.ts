/**
 * Public accounts of funded projects (pure): progress reports and spending records, summed into budget against
 * spending, progress and people served, and laid out as a timeline. Spending is kept in fen (分) so sums are exact.
 */
import { conflict, forbidden } from '../../common/errors';
import { isOpenFor, type PhaseState } from './phases';

/** A progress report (milestone). */
export interface ProgressEntry {
  kind: 'progress';
  id: string;
  at: Date;
  /** Progress of the whole project after this milestone, 0–100. */
  progress: number;
  /** People served in this period (人次). */
  served: number;
  note: string;
  photos: string[];
}

/** A spending record with its receipts. */
export interface SpendingEntry {
  kind: 'spending';
  id: string;
  at: Date;
  item: string;
  amountFen: number;
  note: string;
  receipts: string[];
}

/** A record in a project's account. */
export type AccountEntry = ProgressEntry | SpendingEntry;

/** The sums of one project. */
export interface ProjectSums {
  budgetYuan: number;
  spentFen: number;
  /** Budget minus spending (negative when over). */
  leftFen: number;
  overBudget: boolean;
  /** Share of the budget spent, 0–100+ (rounded). */
  spentPercent: number;
  /** Latest reported progress. */
  progress: number;
  served: number;
  lastReportAt?: Date;
}

/** Yuan (up to two decimals) to fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen to yuan for display. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Sums a project's records against its budget. */
export function projectSums(budgetYuan: number, entries: readonly AccountEntry[]): ProjectSums {
  let spentFen = 0;
  let served = 0;
  let progress = 0;
  let progressAt = -Infinity;
  let last: Date | undefined;
  for (const e of entries) {
    if (!last || e.at.getTime() > last.getTime()) last = e.at;
    if (e.kind === 'spending') spentFen += e.amountFen;
    else {
      served += e.served;
      // The latest report says where the project stands (a later report may correct an earlier one).
      if (e.at.getTime() >= progressAt) {
        progressAt = e.at.getTime();
        progress = e.progress;
      }
    }
  }
  const budgetFen = budgetYuan * 100;
  return {
    budgetYuan,
    spentFen,
    leftFen: budgetFen - spentFen,
    overBudget: spentFen > budgetFen,
    spentPercent: budgetFen === 0 ? 0 : Math.round((spentFen / budgetFen) * 100),
    progress,
    served,
    lastReportAt: last,
  };
}

/** The sums of a whole round. */
export interface RoundSums {
  totalBudgetYuan: number;
  awardedYuan: number;
  spentFen: number;
  served: number;
  projects: number;
  completed: number;
}

/** Adds up the funded projects of a round. */
export function roundSums(
  totalBudgetYuan: number,
  projects: readonly { sums: ProjectSums; completed: boolean }[],
): RoundSums {
  return {
    totalBudgetYuan,
    awardedYuan: projects.reduce((s, p) => s + p.sums.budgetYuan, 0),
    spentFen: projects.reduce((s, p) => s + p.sums.spentFen, 0),
    served: projects.reduce((s, p) => s + p.sums.served, 0),
    projects: projects.length,
    completed: projects.filter((p) => p.completed).length,
  };
}

/** A project's records, newest first (ties: the later-written first, by id order given). */
export function timelineOf<T extends { at: Date }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * Throws unless the actor may add to a project's account: its proposer or an admin of the round, while the work
 * is in progress and the project has not been confirmed complete.
 */
export function requireCanReport(
  round: PhaseState,
  funded: boolean,
  completed: boolean,
  actor: { isAuthor: boolean; isAdmin: boolean },
  now: Date,
): void {
  if (!actor.isAuthor && !actor.isAdmin) throw forbidden('只有提案人和管理员可以登记项目进展');
  if (!funded) throw conflict('只有获得资助的项目需要登记进展和支出');
  if (completed) throw conflict('项目已确认完成，账目已封存');
  if (!isOpenFor(round, 'in_progress', now)) throw conflict('项目实施阶段才能登记进展和支出');
}
