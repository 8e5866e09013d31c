/**
 * A round's settings and when they may change (pure). Everything is frozen once voting opens (CONSUL #5321: admins
 * must not change the rules of a vote in progress); before that, what proposers already relied on stays put:
 * the per-proposal rules (budget range, proposals per author, months) only change before screening, and a date
 * that has already passed never moves.
 */
import { conflict, invalid } from '../../common/errors';
import type { FieldIssue } from '../../common/reply';
import { isAtOrAfter, SCHEDULE_KEYS, scheduleIssues, type Phase, type Schedule } from './phases';

/** How voters choose: approval (up to N proposals) or budget (chosen proposals fit the round's budget). */
export type VoteMode = 'approval' | 'budget';

/** A round's rules. Money in whole yuan. */
export interface RoundSettings {
  totalBudget: number;
  /** Per-proposal budget range. */
  minBudget: number;
  maxBudget: number;
  /** Proposals one resident may make in the round (withdrawn ones count; deleted drafts do not). */
  perAuthor: number;
  voteMode: VoteMode;
  /** Approval mode: proposals one voter may support. */
  approvalLimit: number;
  /** Whether residents see running tallies while voting lasts. */
  showTallies: boolean;
  /** Longest project duration. */
  maxMonths: number;
  /** Fewest votes a proposal needs to be funded by the ranking. */
  minVotes: number;
}

/** Settings that shape proposals: fixed once screening starts. */
export const PROPOSAL_RULE_KEYS = ['minBudget', 'maxBudget', 'perAuthor', 'maxMonths'] as const;

/** Problems with a set of settings. */
export function settingsIssues(s: RoundSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (s.minBudget > s.maxBudget) issues.push({ path: 'minBudget', message: '单个提案预算下限不能高于上限' });
  if (s.maxBudget > s.totalBudget)
    issues.push({ path: 'maxBudget', message: '单个提案预算上限不能超过本轮总预算' });
  return issues;
}

/** Throws INVALID_INPUT with the settings' problems and the schedule's, if any. */
export function requireValidRound(s: RoundSettings, schedule: Schedule, now: Date): void {
  const issues = [...settingsIssues(s), ...scheduleIssues(schedule, now)];
  if (issues.length > 0) throw invalid('本轮设置有误', issues);
}

/** Whether the round's settings are frozen (voting opened, by the stored phase or by date). */
export function settingsFrozen(phase: Phase, schedule: Schedule, now: Date): boolean {
  return isAtOrAfter(phase, 'voting') || now.getTime() >= schedule.votingFrom.getTime();
}

/** A requested change: any settings, any dates, title and description. */
export interface RoundPatch {
  title?: string;
  description?: string;
  settings?: Partial<RoundSettings>;
  schedule?: Partial<Schedule>;
}

/** The round's settings and dates after `patch`, or a typed refusal (see the file comment for the rules). */
export function applyRoundPatch(
  current: { phase: Phase; settings: RoundSettings; schedule: Schedule },
  patch: RoundPatch,
  now: Date,
): { settings: RoundSettings; schedule: Schedule } {
  if (settingsFrozen(current.phase, current.schedule, now))
    throw conflict('投票已经开始，本轮设置已锁定，不能再修改');
  const settings = { ...current.settings, ...stripUndefined(patch.settings ?? {}) };
  const schedule = { ...current.schedule, ...stripUndefined(patch.schedule ?? {}) };
  const issues: FieldIssue[] = [];
  if (isAtOrAfter(current.phase, 'screening')) {
    for (const key of PROPOSAL_RULE_KEYS)
      if (settings[key] !== current.settings[key])
        issues.push({ path: key, message: '资格预审已开始，提案规则不能再改' });
  }
  for (const key of SCHEDULE_KEYS) {
    const before = current.schedule[key];
    const after = schedule[key];
    if (after.getTime() === before.getTime()) continue;
    if (before.getTime() <= now.getTime())
      issues.push({ path: `schedule.${key}`, message: '已经到了的时间不能再改' });
    else if (after.getTime() <= now.getTime())
      issues.push({ path: `schedule.${key}`, message: '新的时间须在现在之后' });
  }
  issues.push(...settingsIssues(settings), ...scheduleIssues(schedule, now));
  if (issues.length > 0) throw invalid('本轮设置有误', dedupe(issues));
  return { settings, schedule };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
