/** How activities and sign-ups are shown. Personal data never leaves here unmasked except on the organizer's roster. */
import { maskName, maskPhone } from '../../common/mask';
import { hasRole } from '../../common/auth';
import type { UserDoc } from '../../common/directory/users';
import type { ActivityDetail, ActivityListItem, MyStanding, MyVolunteerView, RosterItem } from '../contract';
import type { ActivityDoc, HoursEntryDoc, SignupDoc, VolunteerDoc } from '../documents';
import { distanceM, type LatLng } from './geo';
import { ledgerState } from './hours';
import { summarize, type SignupHours } from './records';
import { seatCounts, standingOf, type MemberStanding } from './roster';
import { durationMinutes, phaseOf } from './schedule';
import { spanText } from '../../../miniprogram/shared/calendar';

/** An activity as a list shows it (members are not needed). */
export function listItem(
  a: Omit<ActivityDoc, 'members' | 'activeIds'>,
  now: Date,
  from?: LatLng,
): ActivityListItem {
  const counts = seatCounts(a.activeCount, a.capacity);
  return {
    id: a._id,
    title: a.title,
    ...(a.coverFileId ? { coverFileId: a.coverFileId } : {}),
    organizerName: a.organizer.name,
    communityName: a.communityName,
    address: a.address,
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    timeText: spanText(a.startAt, a.endAt),
    skills: a.skills,
    capacity: a.capacity,
    ...counts,
    phase: phaseOf(a, now),
    ...(from ? { distanceM: Math.round(distanceM(from, a.location)) } : {}),
  };
}

/** The caller's standing, from the members (truth) and their sign-up document when read. */
export function myStanding(a: ActivityDoc, openid: string, signup?: SignupDoc): MyStanding {
  const s: MemberStanding | undefined = standingOf(a.members, a.capacity, { openid });
  const attendance = {
    ...(signup?.checkInAt ? { checkInAt: signup.checkInAt.toISOString() } : {}),
    ...(signup?.checkOutAt ? { checkOutAt: signup.checkOutAt.toISOString() } : {}),
  };
  if (s) return { standing: s.standing, ...(s.position ? { position: s.position } : {}), ...attendance };
  const cancelled = a.members.some((m) => m.o === openid && m.c);
  if (cancelled) return { standing: 'cancelled', ...(signup?.late ? { late: true } : {}) };
  return { standing: 'none' };
}

/** An activity in full. */
export function detailView(
  a: ActivityDoc,
  now: Date,
  me: MyStanding,
  canManage: boolean,
  from?: LatLng,
): ActivityDetail {
  return {
    ...listItem(a, now, from),
    description: a.description,
    location: a.location,
    signupOpensAt: a.signupOpensAt.toISOString(),
    signupClosesAt: a.signupClosesAt.toISOString(),
    cancelDeadline: a.cancelDeadline.toISOString(),
    checkinRadiusM: a.checkinRadiusM,
    durationMinutes: durationMinutes(a),
    ...(a.bonusPointsPerHour ? { bonusPointsPerHour: a.bonusPointsPerHour } : {}),
    ...(a.cancelReason ? { cancelReason: a.cancelReason } : {}),
    me,
    canManage,
  };
}

/** One line of the organizer's roster. */
export function rosterItem(
  s: { standing: RosterItem['standing']; position?: number; ticket: number; volunteerId: string },
  signup: SignupDoc | undefined,
  entries: readonly HoursEntryDoc[],
): RosterItem {
  const hours = entries.length > 0 ? ledgerState(entries) : undefined;
  const when = (key: 'cancelledAt' | 'checkInAt' | 'checkOutAt'): Partial<RosterItem> =>
    signup?.[key] ? { [key]: signup[key]!.toISOString() } : {};
  return {
    signupId: signup?._id ?? '',
    volunteerId: s.volunteerId,
    ticket: s.ticket,
    realName: signup?.realName ?? '',
    phone: signup?.phone ?? '',
    standing: s.standing,
    ...(s.position ? { position: s.position } : {}),
    signedUpAt: signup?.signedUpAt.toISOString() ?? '',
    ...when('cancelledAt'),
    ...(signup?.late ? { late: true } : {}),
    ...when('checkInAt'),
    ...when('checkOutAt'),
    ...(signup?.autoClosed ? { autoClosed: true } : {}),
    ...(signup?.noShow ? { noShow: true } : {}),
    ...(hours
      ? {
          hours: {
            pendingMinutes: hours.pending,
            verifiedMinutes: hours.verified,
            verified: hours.isVerified,
          },
        }
      : {}),
  };
}

/** The volunteer's own profile page (`lateCancels`: from their sign-ups, store's LATE_CANCELS_JOIN). */
export function volunteerView(
  user: UserDoc,
  profile: VolunteerDoc | undefined,
  groups: readonly SignupHours[],
  lateCancels: number,
  starHours?: readonly number[],
): MyVolunteerView {
  const placeNames = (user as UserDoc & { placeNames?: string[] }).placeNames ?? [];
  return {
    isVolunteer: Boolean(profile) && hasRole(user, 'volunteer'),
    needsRealName: !user.realName,
    needsPhone: !user.phone,
    ...(user.realName ? { realNameMasked: maskName(user.realName) } : {}),
    ...(user.phone ? { phoneMasked: maskPhone(user.phone) } : {}),
    ...(profile?.communityName || placeNames[2]
      ? { communityName: profile?.communityName || placeNames[2] }
      : {}),
    skills: profile?.skills ?? [],
    availability: profile?.availability ?? { weekdays: [], slots: [] },
    ...(profile?.location ? { location: profile.location } : {}),
    serviceRadiusKm: profile?.serviceRadiusKm ?? 5,
    intro: profile?.intro ?? '',
    lateCancels,
    noShows: profile?.noShows ?? 0,
    hours: summarize(groups, starHours),
  };
}
