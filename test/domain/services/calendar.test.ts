import fc from 'fast-check';
import {
  bookableSlots,
  isPastSlot,
  unbookableReason,
} from '../../../cloudfunctions/services/domain/calendar';
import { addMonths, dateKey, monthKey, parseSlot, slotLabel } from '../../../miniprogram/shared/calendar';
import { SERVICES_LIMITS } from '../../../cloudfunctions/services/contract';

describe('service calendar (Beijing half days)', () => {
  it('parses slots into Beijing times and refuses dates that do not exist', () => {
    expect(parseSlot('2026-06-02/am')).toMatchObject({
      date: '2026-06-02',
      period: 'am',
      start: new Date('2026-06-02T00:00:00Z'),
      end: new Date('2026-06-02T04:00:00Z'),
    });
    expect(parseSlot('2026-06-02/pm')?.start).toEqual(new Date('2026-06-02T05:30:00Z'));
    expect(parseSlot('2026-02-30/am')).toBeUndefined();
    expect(parseSlot('2026-06-02/eve')).toBeUndefined();
  });

  it('labels slots the way elders read dates', () => {
    expect(slotLabel('2026-06-02/am')).toBe('6月2日 周二 上午');
    expect(slotLabel('2026-06-07/pm')).toBe('6月7日 周日 下午');
  });

  it('uses the Beijing date and month, also around midnight UTC+8', () => {
    expect(dateKey(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
    expect(monthKey(new Date('2026-05-31T15:59:00Z'))).toBe('2026-05');
    expect(monthKey(new Date('2026-05-31T16:00:00Z'))).toBe('2026-06');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-10', -1)).toBe('2026-09');
  });

  it('books from an hour ahead up to the booking window', () => {
    const now = new Date('2026-06-02T06:00:00Z'); // 14:00 in Beijing
    expect(unbookableReason('2026-06-02/pm', now)).toMatch(/来不及/);
    expect(unbookableReason('2026-06-03/am', now)).toBeUndefined();
    expect(unbookableReason('2026-06-15/pm', now)).toBeUndefined();
    expect(unbookableReason('2026-06-16/am', now)).toMatch(/14 天/);
    expect(isPastSlot('2026-06-01/pm', now)).toBe(true);
    expect(isPastSlot('2026-06-02/am', now)).toBe(false);
  });

  it('lists only bookable slots, soonest first, at any time of day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (now) => {
          const slots = bookableSlots(now);
          expect(slots.length).toBeGreaterThanOrEqual(SERVICES_LIMITS.bookingDays * 2 - 3);
          expect(slots.length).toBeLessThanOrEqual(SERVICES_LIMITS.bookingDays * 2);
          for (const s of slots) expect(unbookableReason(s, now)).toBeUndefined();
          const starts = slots.map((s) => parseSlot(s)!.start.getTime());
          expect([...starts].sort((a, b) => a - b)).toEqual(starts);
          expect(starts[0]! - now.getTime()).toBeGreaterThanOrEqual(SERVICES_LIMITS.leadMinutes * 60_000);
        },
      ),
      { numRuns: 200 },
    );
  });
});
