/**
 * How rooms are used, for the admin's board: people booked per weekday and hour (a heat map) and the share of
 * ended bookings nobody came to, over the weeks looked at.
 */
import { WEEKDAY_NAMES } from '../../../miniprogram/shared/calendar';
import type { BoardRoom } from '../contract';
import type { BookingDoc, RoomDoc } from '../documents';
import { noShowRate } from './noShows';
import { weekdayOf } from './slots';

/** The booking fields the board reads. */
export type UsageRow = Pick<BookingDoc, 'roomId' | 'date' | 'start' | 'end' | 'people' | 'status' | 'endAt'>;

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/** The hours a room is open in any weekday (columns of its heat map), 8 … 20. */
export function openHours(room: Pick<RoomDoc, 'hours'>): number[] {
  const days = room.hours.filter((h): h is NonNullable<typeof h> => h !== null);
  if (days.length === 0) return [];
  const from = Math.floor(Math.min(...days.map((h) => h.open)) / 60);
  const to = Math.ceil(Math.max(...days.map((h) => h.close)) / 60);
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** A room's usage: bookings and people (cancelled and closed ones not counted), the heat map, no-show rate. */
export function roomUsage(
  room: Pick<RoomDoc, 'hours'>,
  rows: readonly UsageRow[],
  now: Date,
): Pick<BoardRoom, 'bookings' | 'people' | 'noShowRate' | 'hours' | 'heat' | 'heatMax'> {
  const hours = openHours(room);
  const cells = MONDAY_FIRST.map(() => hours.map(() => 0));
  const kept = rows.filter((r) => r.status === 'booked' || r.status === 'checkedIn' || r.status === 'noShow');
  for (const r of kept) {
    const row = cells[MONDAY_FIRST.indexOf(weekdayOf(r.date))]!;
    hours.forEach((h, i) => {
      if (r.start < (h + 1) * 60 && h * 60 < r.end) row[i] = row[i]! + r.people;
    });
  }
  const ended = kept.filter((r) => r.endAt <= now && r.status !== 'booked');
  return {
    bookings: kept.length,
    people: kept.reduce((n, r) => n + r.people, 0),
    noShowRate: noShowRate(ended.length, ended.filter((r) => r.status === 'noShow').length),
    hours,
    heat: MONDAY_FIRST.map((d, i) => ({ day: WEEKDAY_NAMES[d]!, cells: cells[i]! })),
    heatMax: Math.max(0, ...cells.flat()),
  };
}
