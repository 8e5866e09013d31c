/**
 * The life of a round (pure): upcoming → collecting → screening → voting → results → in_progress → closed.
 * Dates drive the phases; the timer stores each change on the round (so reads and guards see one phase), and an
 * action meant for a phase runs only while the round is stored in that phase AND its closing date has not come.
 * Voting closes by date to the millisecond; results are tallied a settle interval later, so a vote that passed the
 * date check just before the close (and finishes within the function timeout) is always counted.
 */
import { conflict, invalid } from '../../common/errors';
import type { FieldIssue } from '../../common/reply';

/** The phases, in order. */
export const PHASES = [
  'upcoming',
  'collecting',
  'screening',
  'voting',
  'results',
  'in_progress',
  'closed',
] as const;

/** A phase of a round. */
export type Phase = (typeof PHASES)[number];

/** Plain words for each phase (shown to residents). */
export const PHASE_LABELS: Record<Phase, string> = {
  upcoming: '即将开始',
  collecting: '征集提案',
  screening: '资格预审',
  voting: '居民投票',
  results: '公布结果',
  in_progress: '项目实施',
  closed: '已结项',
};

/** The dates of a round. Each phase runs from its date until the next one. */
export interface Schedule {
  collectingFrom: Date;
  screeningFrom: Date;
  votingFrom: Date;
  votingUntil: Date;
  /** Funded projects start; the round moves to in_progress once results are published. */
  workFrom: Date;
}

/** The schedule's fields in order. */
export const SCHEDULE_KEYS = [
  'collectingFrom',
  'screeningFrom',
  'votingFrom',
  'votingUntil',
  'workFrom',
] as const satisfies readonly (keyof Schedule)[];

/** The date each phase (that has one) starts. */
const STARTS: Partial<Record<Phase, keyof Schedule>> = {
  collecting: 'collectingFrom',
  screening: 'screeningFrom',
  voting: 'votingFrom',
  results: 'votingUntil',
  in_progress: 'workFrom',
};

/** How long after votingUntil the tally waits (longer than a function may run, see the file comment). */
export const VOTE_SETTLE_MS = 30_000;

/** Shortest phase a schedule may have. */
export const MIN_PHASE_MS = 60 * 60_000;

/** The index of a phase, for comparisons. */
export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

/** Whether `phase` comes at or after `other`. */
export function isAtOrAfter(phase: Phase, other: Phase): boolean {
  return phaseIndex(phase) >= phaseIndex(other);
}

/** The phase the dates alone put a round in at `now` (closed is never reached by date). */
export function scheduledPhase(s: Schedule, now: Date): Phase {
  const t = now.getTime();
  if (t < s.collectingFrom.getTime()) return 'upcoming';
  if (t < s.screeningFrom.getTime()) return 'collecting';
  if (t < s.votingFrom.getTime()) return 'screening';
  if (t < s.votingUntil.getTime()) return 'voting';
  if (t < s.workFrom.getTime()) return 'results';
  return 'in_progress';
}

/** The date that ends each phase's actions (results, in_progress and closed end by decision). */
const ENDS: Partial<Record<Phase, keyof Schedule>> = {
  upcoming: 'collectingFrom',
  collecting: 'screeningFrom',
  screening: 'votingFrom',
  voting: 'votingUntil',
};

/** When a phase's actions stop by date (undefined: it ends by a decision). */
export function phaseEndsAt(s: Schedule, phase: Phase): Date | undefined {
  const key = ENDS[phase];
  return key ? s[key] : undefined;
}

/** The round fields the phase rules read. */
export interface PhaseState {
  phase: Phase;
  schedule: Schedule;
  /** Set when an admin published the results. */
  resultsPublished: boolean;
}

/**
 * Whether an action meant for `phase` may run: the stored phase is it and its closing date has not come.
 * (Between the date and the timer's step nothing of either phase may run: that is at most a minute.)
 */
export function isOpenFor(round: PhaseState, phase: Phase, now: Date): boolean {
  if (round.phase !== phase) return false;
  const ends = phaseEndsAt(round.schedule, phase);
  return ends === undefined || now.getTime() < ends.getTime();
}

/** Throws CONFLICT with a plain message unless the round is open for `phase` (see isOpenFor). */
export function requireOpenFor(round: PhaseState, phase: Phase, now: Date, doing: string): void {
  if (isOpenFor(round, phase, now)) return;
  throw conflict(`${doing}只能在“${PHASE_LABELS[phase]}”阶段进行，现在是“${PHASE_LABELS[round.phase]}”`);
}

/**
 * The next phase the timer should move a round to at `now`, or undefined when nothing is due. Results wait for the
 * settle interval; in_progress waits for published results; closing is by completion, not by the timer.
 */
export function dueStep(round: PhaseState, now: Date): Phase | undefined {
  const t = now.getTime();
  const s = round.schedule;
  switch (round.phase) {
    case 'upcoming':
      return t >= s.collectingFrom.getTime() ? 'collecting' : undefined;
    case 'collecting':
      return t >= s.screeningFrom.getTime() ? 'screening' : undefined;
    case 'screening':
      return t >= s.votingFrom.getTime() ? 'voting' : undefined;
    case 'voting':
      return t >= s.votingUntil.getTime() + VOTE_SETTLE_MS ? 'results' : undefined;
    case 'results':
      return round.resultsPublished && t >= s.workFrom.getTime() ? 'in_progress' : undefined;
    default:
      return undefined;
  }
}

/** When the timer should next look at a round (null: only a decision moves it on). */
export function nextCheckAt(round: PhaseState): Date | null {
  const s = round.schedule;
  switch (round.phase) {
    case 'upcoming':
      return s.collectingFrom;
    case 'collecting':
      return s.screeningFrom;
    case 'screening':
      return s.votingFrom;
    case 'voting':
      return new Date(s.votingUntil.getTime() + VOTE_SETTLE_MS);
    case 'results':
      return round.resultsPublished ? s.workFrom : null;
    default:
      return null;
  }
}

/** The phase a new round starts in: collecting at once when its collecting date has come. */
export function initialPhase(s: Schedule, now: Date): Phase {
  return now.getTime() >= s.collectingFrom.getTime() ? 'collecting' : 'upcoming';
}

/** Problems with a schedule: dates in order with at least MIN_PHASE_MS between them, voting still ahead. */
export function scheduleIssues(s: Schedule, now: Date, path = 'schedule'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (let i = 1; i < SCHEDULE_KEYS.length; i++) {
    const prev = SCHEDULE_KEYS[i - 1]!;
    const key = SCHEDULE_KEYS[i]!;
    if (s[key].getTime() - s[prev].getTime() < MIN_PHASE_MS)
      issues.push({ path: `${path}.${key}`, message: '各阶段须按顺序排列，每个阶段至少 1 小时' });
  }
  if (s.votingFrom.getTime() <= now.getTime())
    issues.push({ path: `${path}.votingFrom`, message: '投票开始时间须在现在之后' });
  return issues;
}

/** Throws INVALID_INPUT with the schedule's problems, if any. */
export function requireValidSchedule(s: Schedule, now: Date): void {
  const issues = scheduleIssues(s, now);
  if (issues.length > 0) throw invalid('时间安排有误', issues);
}

/** A step of the round's timeline, for the round page. */
export interface TimelineStep {
  phase: Phase;
  label: string;
  from?: Date;
  until?: Date;
  state: 'done' | 'current' | 'ahead';
}

/** The round's timeline, from the stored phase and its dates. */
export function timeline(round: PhaseState): TimelineStep[] {
  const at = phaseIndex(round.phase);
  return PHASES.filter((p) => p !== 'upcoming' || round.phase === 'upcoming').map((phase) => {
    const startKey = STARTS[phase];
    const i = phaseIndex(phase);
    return {
      phase,
      label: PHASE_LABELS[phase],
      from: startKey ? round.schedule[startKey] : undefined,
      // Results are planned to give way to the work on workFrom (once published).
      until: phase === 'results' ? round.schedule.workFrom : phaseEndsAt(round.schedule, phase),
      state: i < at ? 'done' : i === at ? 'current' : 'ahead',
    };
  });
}
