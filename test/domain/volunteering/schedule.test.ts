/** Activity times: defaults and refusals when publishing, phases, sign-up window, cancellations, attendance windows. */
import { AppError } from '../../../cloudfunctions/common/errors';
import {
  checkOutDeadline,
  phaseOf,
  planCancellation,
  planSchedule,
  requireCheckInOpen,
  requireCheckOutOpen,
  signUpRefusal,
} from '../../../cloudfunctions/volunteering/domain/schedule';

const H = 3_600_000;
const now = new Date('2026-05-01T00:00:00Z');
const at = (h: number) => new Date(now.getTime() + h * H);

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    return ((err as AppError).issues ?? []).map((i) => i.path);
  }
  throw new Error('expected a refusal');
}

describe('planSchedule', () => {
  it('fills the defaults: sign-up from now to the start, deadline 24 h before', () => {
    const s = planSchedule({ startAt: at(72), endAt: at(74) }, now);
    expect(s.signupOpensAt).toEqual(now);
    expect(s.signupClosesAt).toEqual(at(72));
    expect(s.cancelDeadline).toEqual(at(48));
  });

  it('at short notice, the deadline is halfway from opening to the start', () => {
    const s = planSchedule({ startAt: at(10), endAt: at(12) }, now);
    expect(s.cancelDeadline).toEqual(at(5));
  });

  it('names every field at fault', () => {
    expect(issuesOf(() => planSchedule({ startAt: at(-1), endAt: at(1) }, now))).toContain('startAt');
    expect(issuesOf(() => planSchedule({ startAt: at(5), endAt: at(5.1) }, now))).toContain('endAt');
    expect(issuesOf(() => planSchedule({ startAt: at(5), endAt: at(20) }, now))).toContain('endAt');
    expect(
      issuesOf(() => planSchedule({ startAt: at(5), endAt: at(6), signupClosesAt: at(7) }, now)),
    ).toContain('signupClosesAt');
    expect(
      issuesOf(() => planSchedule({ startAt: at(5), endAt: at(6), cancelDeadline: at(5.5) }, now)),
    ).toContain('cancelDeadline');
    expect(issuesOf(() => planSchedule({ startAt: at(24 * 200), endAt: at(24 * 200 + 1) }, now))).toContain(
      'startAt',
    );
  });
});

describe('phases and windows', () => {
  const a = {
    status: 'published' as const,
    signupOpensAt: at(1),
    signupClosesAt: at(10),
    cancelDeadline: at(8),
    startAt: at(12),
    endAt: at(14),
  };

  it('runs notOpen → open → signupClosed → ongoing → ended → completed; cancelled overrides', () => {
    expect([0, 2, 11, 13, 15].map((h) => phaseOf(a, at(h)))).toEqual([
      'notOpen',
      'open',
      'signupClosed',
      'ongoing',
      'ended',
    ]);
    expect(phaseOf({ ...a, closedAt: at(17) }, at(18))).toBe('completed');
    expect(phaseOf({ ...a, status: 'cancelled' }, at(2))).toBe('cancelled');
    expect(signUpRefusal(a, at(2))).toBeUndefined();
    expect(signUpRefusal(a, at(0))).toBe('报名还没有开始');
    expect(signUpRefusal(a, at(11))).toBe('报名已截止');
  });

  it('cancelling is late after the deadline for a seat holder only, and refused once started', () => {
    expect(planCancellation(a, at(7), true)).toEqual({ late: false });
    expect(planCancellation(a, at(9), true)).toEqual({ late: true });
    expect(planCancellation(a, at(9), false)).toEqual({ late: false });
    expect(planCancellation(a, at(10.9), true)).toEqual({ late: true });
    expect(() => planCancellation(a, at(11.1), true)).toThrow(/不能再取消/);
    expect(() => planCancellation(a, at(12), false)).toThrow(/不能再取消/);
  });

  it('check-in opens an hour early and closes at the end; check-out runs until the grace ends', () => {
    expect(() => requireCheckInOpen(a, at(10.9))).toThrow(/开放/);
    expect(() => requireCheckInOpen(a, at(11.1))).not.toThrow();
    expect(() => requireCheckInOpen(a, at(14))).toThrow(/结束/);
    expect(checkOutDeadline(a)).toEqual(at(16));
    expect(() => requireCheckOutOpen(a, at(15.9))).not.toThrow();
    expect(() => requireCheckOutOpen(a, at(16.1))).toThrow(/自动签退/);
  });
});
