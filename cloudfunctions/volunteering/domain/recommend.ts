/**
 * Matching volunteers and activities: a score in [0, 1] from skills (the activity's needs the volunteer covers),
 * availability (the weekday and part of the day it starts in) and distance (within the volunteer's service radius;
 * by place when no location is known). Used both ways: activities for a volunteer, volunteers for an activity.
 */
import type { Skill } from '../contract';
import { distanceM, type LatLng } from './geo';
import { partsOf, WEEKDAY_NAMES } from '../../../miniprogram/shared/calendar';
import { daySlot, type DaySlot } from './time';
import { DAY_SLOT_NAMES } from '../../../miniprogram/shared/choices';

/** Weights of the three parts (sum 1). */
export const FIT_WEIGHTS = { skills: 0.45, availability: 0.25, distance: 0.3 } as const;
/** A full activity (waitlist only) is worth a little less. */
const FULL_FACTOR = 0.85;

/** What matching needs of a volunteer. */
export interface VolunteerFit {
  skills: readonly Skill[];
  availability: { weekdays: readonly number[]; slots: readonly DaySlot[] };
  location?: LatLng;
  serviceRadiusKm: number;
  placePath: readonly string[];
}

/** What matching needs of an activity. */
export interface ActivityFit {
  skills: readonly Skill[];
  startAt: Date;
  location: LatLng;
  placePath: readonly string[];
  seatsLeft: number;
}

/** A score and why. */
export interface Fit {
  score: number;
  matchedSkills: Skill[];
  distanceKm?: number;
  /** Short reasons to show: 擅长应急救援 · 周六上午有空 · 1.2 公里. */
  reasons: string[];
}

function skillPart(v: VolunteerFit, a: ActivityFit): { part: number; matched: Skill[] } {
  const matched = a.skills.filter((s) => v.skills.includes(s));
  if (a.skills.length === 0) return { part: 0.6, matched };
  return { part: matched.length / a.skills.length, matched };
}

function availabilityPart(v: VolunteerFit, a: ActivityFit): { part: number; reason?: string } {
  const { weekday } = partsOf(a.startAt);
  const slot = daySlot(a.startAt);
  const days = v.availability.weekdays;
  const slots = v.availability.slots;
  if (days.length === 0 && slots.length === 0) return { part: 0.5 };
  const dayOk = days.length === 0 || days.includes(weekday);
  const slotOk = slots.length === 0 || slots.includes(slot);
  const reason = `${WEEKDAY_NAMES[weekday]}${DAY_SLOT_NAMES[slot]}有空`;
  if (dayOk && slotOk) return { part: 1, reason };
  return { part: dayOk ? 0.4 : 0 };
}

/** Fit of distance `km` for a service radius `r`: 1 at the door, ½ at the radius, 0 at twice it. */
export function distancePart(km: number, r: number): number {
  if (km <= r) return 1 - (0.5 * km) / r;
  return Math.max(0, 0.5 * (1 - (km - r) / r));
}

function placePart(v: VolunteerFit, a: ActivityFit): number {
  const [, vStreet, vCommunity] = v.placePath;
  const [aDistrict, aStreet, aCommunity] = a.placePath;
  if (vCommunity && vCommunity === aCommunity) return 1;
  if (vStreet && vStreet === aStreet) return 0.7;
  if (aDistrict && v.placePath[0] === aDistrict) return 0.3;
  return 0;
}

/** How well an activity suits a volunteer, seen from `from` (their current location) when given. */
export function scoreFit(v: VolunteerFit, a: ActivityFit, from?: LatLng): Fit {
  const skills = skillPart(v, a);
  const avail = availabilityPart(v, a);
  const origin = from ?? v.location;
  const km = origin ? distanceM(origin, a.location) / 1000 : undefined;
  const dist = km === undefined ? placePart(v, a) : distancePart(km, v.serviceRadiusKm);
  let score =
    FIT_WEIGHTS.skills * skills.part + FIT_WEIGHTS.availability * avail.part + FIT_WEIGHTS.distance * dist;
  if (a.seatsLeft <= 0) score *= FULL_FACTOR;
  const reasons: string[] = [];
  if (skills.matched.length > 0) reasons.push(`擅长${skills.matched.join('、')}`);
  if (avail.reason) reasons.push(avail.reason);
  if (km !== undefined) reasons.push(distanceText(km * 1000));
  return {
    score: Math.round(score * 1000) / 1000,
    matchedSkills: skills.matched,
    ...(km !== undefined ? { distanceKm: Math.round(km * 10) / 10 } : {}),
    reasons,
  };
}

/** `350 米` / `1.2 公里`. */
export function distanceText(metres: number): string {
  const m = Math.round(metres);
  return m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`;
}

/** Items ranked by score, best first; ties keep the earlier start first. */
export function rankByFit<T extends { fit: Fit; startAt: Date }>(items: T[]): T[] {
  return [...items].sort((x, y) => y.fit.score - x.fit.score || x.startAt.getTime() - y.startAt.getTime());
}
