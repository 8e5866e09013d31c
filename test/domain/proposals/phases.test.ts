/** Phases by date, the timer's steps, the guards of each phase, schedules and the timeline. */
import {
  dueStep,
  initialPhase,
  isOpenFor,
  nextCheckAt,
  requireOpenFor,
  scheduledPhase,
  scheduleIssues,
  timeline,
  VOTE_SETTLE_MS,
  type PhaseState,
  type Schedule,
} from '../../../cloudfunctions/proposals/domain/phases';

const H = 60 * 60_000;
const D = 24 * H;
const T = Date.UTC(2026, 2, 1);
const s: Schedule = {
  collectingFrom: new Date(T),
  screeningFrom: new Date(T + 10 * D),
  votingFrom: new Date(T + 15 * D),
  votingUntil: new Date(T + 22 * D),
  workFrom: new Date(T + 25 * D),
};
const at = (ms: number) => new Date(T + ms);
const round = (phase: PhaseState['phase'], resultsPublished = false): PhaseState => ({
  phase,
  schedule: s,
  resultsPublished,
});

it('puts a date in its phase, each boundary belonging to the later phase', () => {
  expect(scheduledPhase(s, at(-1))).toBe('upcoming');
  expect(scheduledPhase(s, at(0))).toBe('collecting');
  expect(scheduledPhase(s, at(10 * D - 1))).toBe('collecting');
  expect(scheduledPhase(s, at(10 * D))).toBe('screening');
  expect(scheduledPhase(s, at(15 * D))).toBe('voting');
  expect(scheduledPhase(s, at(22 * D))).toBe('results');
  expect(scheduledPhase(s, at(25 * D))).toBe('in_progress');
  expect(initialPhase(s, at(-1))).toBe('upcoming');
  expect(initialPhase(s, at(1))).toBe('collecting');
});

it('lets a phase act only while stored and before its closing date', () => {
  expect(isOpenFor(round('voting'), 'voting', at(15 * D))).toBe(true);
  expect(isOpenFor(round('voting'), 'voting', at(22 * D - 1))).toBe(true);
  expect(isOpenFor(round('voting'), 'voting', at(22 * D))).toBe(false);
  // The date has come but the timer has not moved it yet: voting is not open.
  expect(isOpenFor(round('screening'), 'voting', at(15 * D + 1))).toBe(false);
  expect(isOpenFor(round('screening'), 'screening', at(15 * D + 1))).toBe(false);
  // Results and the work end by decision, not by date.
  expect(isOpenFor(round('results'), 'results', at(100 * D))).toBe(true);
  expect(() => requireOpenFor(round('collecting'), 'voting', at(1), '投票')).toThrow(
    '投票只能在“居民投票”阶段进行，现在是“征集提案”',
  );
});

it('steps the timer at the dates, results after the settle interval, work only once published', () => {
  expect(dueStep(round('upcoming'), at(-1))).toBeUndefined();
  expect(dueStep(round('upcoming'), at(0))).toBe('collecting');
  expect(dueStep(round('collecting'), at(10 * D))).toBe('screening');
  expect(dueStep(round('screening'), at(15 * D))).toBe('voting');
  expect(dueStep(round('voting'), at(22 * D))).toBeUndefined();
  expect(dueStep(round('voting'), at(22 * D + VOTE_SETTLE_MS - 1))).toBeUndefined();
  expect(dueStep(round('voting'), at(22 * D + VOTE_SETTLE_MS))).toBe('results');
  expect(dueStep(round('results'), at(30 * D))).toBeUndefined();
  expect(dueStep(round('results', true), at(25 * D - 1))).toBeUndefined();
  expect(dueStep(round('results', true), at(25 * D))).toBe('in_progress');
  expect(dueStep(round('in_progress', true), at(99 * D))).toBeUndefined();
  expect(dueStep(round('closed', true), at(99 * D))).toBeUndefined();
});

it('tells the timer when to look next', () => {
  expect(nextCheckAt(round('upcoming'))).toEqual(s.collectingFrom);
  expect(nextCheckAt(round('voting'))).toEqual(new Date(s.votingUntil.getTime() + VOTE_SETTLE_MS));
  expect(nextCheckAt(round('results'))).toBeNull();
  expect(nextCheckAt(round('results', true))).toEqual(s.workFrom);
  expect(nextCheckAt(round('in_progress', true))).toBeNull();
});

it('checks a schedule: order, at least an hour per phase, voting still ahead', () => {
  expect(scheduleIssues(s, at(0))).toEqual([]);
  const bad = { ...s, votingFrom: new Date(T + 10 * D + 30 * 60_000) };
  expect(scheduleIssues(bad, at(0)).map((i) => i.path)).toEqual(['schedule.votingFrom']);
  const swapped = { ...s, votingUntil: new Date(T + 14 * D) };
  expect(scheduleIssues(swapped, at(0)).map((i) => i.path)).toEqual(['schedule.votingUntil']);
  expect(scheduleIssues(s, at(16 * D)).map((i) => i.path)).toEqual(['schedule.votingFrom']);
});

it('lays out the timeline from the stored phase', () => {
  const steps = timeline(round('voting'));
  expect(steps.map((x) => [x.phase, x.state])).toEqual([
    ['collecting', 'done'],
    ['screening', 'done'],
    ['voting', 'current'],
    ['results', 'ahead'],
    ['in_progress', 'ahead'],
    ['closed', 'ahead'],
  ]);
  expect(steps[2]).toMatchObject({ from: s.votingFrom, until: s.votingUntil });
  expect(timeline(round('upcoming'))[0]!.phase).toBe('upcoming');
});
