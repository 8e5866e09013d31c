/**
 * A generated street for the timer benchmarks, written straight to the store (a bench set-up, not what a function
 * would do): waiting service orders, eligible residents for the monthly vouchers, pledges overdue and pledges due
 * soon, and thanked donations for the daily digest. `scale` 1 is a busy street today; 10 is ten times it.
 */
import { nextEvent, type ChainEvent, type EventDraft } from '../../cloudfunctions/charity/domain/chain';
import { donationCode } from '../../cloudfunctions/charity/domain/codes';
import type { DonationDoc } from '../../cloudfunctions/charity/documents';
import { causeKeyOf, pointEntryId } from '../../cloudfunctions/common/points/documents';
import {
  addDays,
  dateKey,
  parseSlot,
  partsOf,
  slotKey,
  startOfDate,
} from '../../miniprogram/shared/calendar';
import { C } from './services/demoServices';

/** How many documents of each kind a scale of 1 has. */
export const PER_SCALE = {
  waitingOrders: 400,
  eligibleResidents: 2_000,
  overduePledges: 500,
  pledgesDueSoon: 500,
  thankedDonations: 125,
  /** 爱心积分 holders whose points expire now, and others reminded of this year's end. */
  pointsExpiring: 500,
  pointsToRemind: 500,
  verifiedHours: 200,
  menuItems: 200,
  endedBookings: 300,
  roundsClosing: 16,
  /** Delivery records in a street's contracts' communities (projects refresh): orders; half as many hours and sign-ups. */
  deliveries: 2_000,
  /** 随手拍 reports past their time to respond or resolve (reports escalate), and resolved ones to close. */
  overdueReports: 100,
  /** Accounts whose cooling-off is over (account privacyChores). */
  erasuresDue: 20,
} as const;

/** Waiting orders spread over `items` × 20 half days, so demand exceeds the places everywhere alike. */
export function waitingOrders(at: Date, items: string[], n: number, tag: string) {
  const day = (d: number) => addDays(dateKey(at), d);
  const slots = Array.from({ length: 10 }, (_x, d) => [
    slotKey(day(d + 3), 'am'),
    slotKey(day(d + 3), 'pm'),
  ]).flat();
  return Array.from({ length: n }, (_x, i) => {
    const slot = slots[i % slots.length]!;
    const itemId = items[Math.floor(i / slots.length) % items.length]!;
    const beneficiaryId = `bench-${tag}-resident-${i}`;
    const communityId = i % 3 === 0 ? C.xinqiao : C.lukou;
    return {
      _id: `bench-${tag}-order-${i}`,
      itemId,
      itemName: '助餐',
      category: '助餐',
      priceType: 'free',
      priceFen: 0,
      beneficiaryId,
      beneficiaryName: `居民${i}`,
      orderedBy: beneficiaryId,
      orderedByOpenid: `bench-${tag}-openid-${i}`,
      via: 'self',
      consent: [],
      communityId,
      communityName: '禄口社区',
      placePath: ['jn', 'jn-lukou', communityId],
      address: '禄口社区',
      phone: '13900000000',
      note: '',
      slot,
      slotStart: parseSlot(slot)!.start,
      status: 'submitted',
      excludedOrgIds: [],
      rematchCount: 0,
      staffNotified: false,
      subsidy: { status: 'none', amountFen: 0 },
      adminNotified: false,
      activeKey: `${beneficiaryId}|${itemId}|${slot}`,
      timeline: [
        {
          event: 'submitted',
          status: 'submitted',
          at,
          by: { id: beneficiaryId, name: '居民', role: 'resident' },
        },
      ],
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** Residents of 80 and over in 禄口社区 (the demo's policy gives them the monthly voucher). */
export function eligibleResidents(n: number, tag: string, at: Date) {
  return Array.from({ length: n }, (_x, i) => ({
    _id: `bench-${tag}-elder-${i}`,
    openid: `bench-${tag}-elder-openid-${i}`,
    kind: 'wechat',
    nickname: `长者${i}`,
    birthYear: 1935 + (i % 10),
    placePath: ['jn', 'jn-lukou', C.lukou],
    communityId: C.lukou,
    roles: [],
    roleHistory: [],
    createdAt: at,
    updatedAt: at,
  }));
}

function chain(id: string, types: EventDraft['type'][], start: number): ChainEvent[] {
  const events: ChainEvent[] = [];
  types.forEach((type, i) =>
    events.push(
      nextEvent(id, events, {
        type,
        at: new Date(start + i * 60_000),
        place: '禄口街道慈善超市',
        actor: { role: 'staff', ref: 'a1b2c3d4e5f60718' },
        data: { quantity: 1 },
      }),
    ),
  );
  return events;
}

/** General-stock donations: pledged (due `pledgeBy`, donor subscribed) or carried through to thanks. */
export function donations(
  n: number,
  tag: string,
  kind: 'pledged' | 'thanked',
  at: Date,
  pledgeBy: Date,
): Record<string, unknown>[] {
  const types: EventDraft['type'][] =
    kind === 'pledged'
      ? ['pledged']
      : [
          'pledged',
          'received',
          'allocated',
          'dispatched',
          'dispatched',
          'dispatched',
          'confirmed',
          'thanked',
        ];
  return Array.from({ length: n }, (_x, i) => {
    const id = `bench-${tag}-${kind}-${i}`;
    const events = chain(id, types, at.getTime() - 3 * 86_400_000);
    const last = events[events.length - 1]!;
    return {
      _id: id,
      code: donationCode(id),
      kind: 'stock',
      donorId: `bench-donor-${i}`,
      donorOpenid: `bench-donor-openid-${i}`,
      donorLabel: '爱*',
      subscribed: true,
      supermarketId: 'jn-lukou',
      supermarketName: '禄口街道慈善超市',
      supermarketAddress: '禄口街道双拥路8号',
      streetName: '禄口街道',
      item: '大米',
      itemCategory: 'food',
      unit: '袋',
      quantity: 1,
      ...(kind === 'thanked' ? { receivedQuantity: 1 } : {}),
      unitValue: 60,
      pledgeBy,
      status: kind,
      head: { seq: last.seq, hash: last.hash },
      events,
      confirmAttempts: 0,
      month: '2026-05',
      createdAt: new Date(at.getTime() - 3 * 86_400_000),
      updatedAt: at,
    } satisfies DonationDoc;
  });
}

/**
 * Activities over for three hours (past the check-out grace), each with `members` sign-ups: every other volunteer
 * checked in and forgot to check out, the rest never came. Cloned from a demo activity (`template`, its document),
 * with the dates moved and the members made up.
 */
export function endedActivities(
  template: Record<string, unknown>,
  n: number,
  members: number,
  tag: string,
  now: Date,
): { activities: Record<string, unknown>[]; signups: Record<string, unknown>[] } {
  const startAt = new Date(now.getTime() - 5 * 3_600_000);
  const endAt = new Date(now.getTime() - 3 * 3_600_000);
  const activities: Record<string, unknown>[] = [];
  const signups: Record<string, unknown>[] = [];
  for (let a = 0; a < n; a++) {
    const activityId = `bench-${tag}-activity-${a}`;
    const people = Array.from({ length: members }, (_x, i) => ({
      v: `bench-${tag}-volunteer-${i}`,
      o: `bench-${tag}-volunteer-openid-${i}`,
      t: new Date(startAt.getTime() - 86_400_000),
    }));
    const { closedAt: _closed, ...rest } = template;
    void _closed;
    activities.push({
      ...rest,
      _id: activityId,
      title: `社区活动${a}`,
      startAt,
      endAt,
      signupClosesAt: startAt,
      capacity: members,
      members: people,
      activeIds: people.map((p) => p.v),
      activeCount: members,
      entryCount: members,
      status: 'published',
    });
    people.forEach((p, i) =>
      signups.push({
        _id: `bench-${tag}-signup-${a}-${i}`,
        activityId,
        volunteerId: p.v,
        openid: p.o,
        ticket: i,
        state: 'active',
        signedUpAt: p.t,
        lateCancels: 0,
        realName: `志愿者${i}`,
        phone: '13900000000',
        nickname: `志愿者${i}`,
        activityTitle: `社区活动${a}`,
        activityStartAt: startAt,
        activityEndAt: endAt,
        organizer: template.organizer,
        placePath: template.placePath,
        communityName: template.communityName,
        ...(i % 2 === 0 ? { checkInAt: new Date(startAt.getTime() - 600_000), checkInDistanceM: 30 } : {}),
      }),
    );
  }
  return { activities, signups };
}

/** A document as the store holds it (the generators below copy demo documents and change what they must). */
type Doc = Record<string, unknown>;

/**
 * 爱心积分 holders among the generated elders (`bench-<tag>-elder-<from…>`): each earned 20 points in one entry,
 * either three years before `at` (due to expire at today's cutoff) or two (due at this year's end: reminded on
 * 1 December).
 */
export function pointHolders(n: number, from: number, tag: string, at: Date, due: 'now' | 'yearEnd'): Doc[] {
  const year = partsOf(at).year - (due === 'now' ? 3 : 2);
  const earnedAt = startOfDate(`${year}-06-01`);
  return Array.from({ length: n }, (_x, k) => {
    const userId = `bench-${tag}-elder-${from + k}`;
    const cause = { type: 'hours' as const, id: `bench-${tag}-hours-${from + k}`, title: '社区活动' };
    return {
      _id: pointEntryId(userId, 1),
      userId,
      n: 1,
      kind: 'earn',
      delta: 20,
      balanceAfter: 20,
      earnedAfter: 20,
      cause,
      causeKey: causeKeyOf(cause, 'earn'),
      placePath: ['jn', 'jn-lukou', C.lukou],
      by: 'system',
      at: earnedAt,
      month: `${year}-06`,
    };
  });
}

/** Verified hours-ledger entries with no points yet (what creditPoints turns into points), one per elder. */
export function verifiedHours(n: number, tag: string, at: Date): Doc[] {
  return Array.from({ length: n }, (_x, i) => ({
    _id: `bench-${tag}-verified-${i}`,
    signupId: `bench-${tag}-verified-signup-${i}`,
    n: 2,
    kind: 'verify',
    volunteerId: `bench-${tag}-elder-${i}`,
    volunteerName: `长者${i}`,
    openid: `bench-${tag}-elder-openid-${i}`,
    activityId: `bench-${tag}-verified-activity`,
    activityTitle: '社区活动',
    activityStartAt: new Date(at.getTime() - 86_400_000),
    organizer: { kind: 'org', id: 'bench-org', name: '社区志愿服务队' },
    placePath: ['jn', 'jn-lukou', C.lukou],
    communityName: '禄口社区',
    pendingDelta: -120,
    verifiedDelta: 120,
    pendingAfter: 0,
    verifiedAfter: 120,
    verified: true,
    by: 'system',
    at: new Date(at.getTime() - 3_600_000 - i),
  }));
}

/** Menu items (copies of `item`) each holding counters and place tags for the 30 half days before `at`. */
export function itemsWithPastSlots(item: Doc, n: number, tag: string, at: Date): Doc[] {
  const past = Array.from({ length: 15 }, (_x, d) => [
    slotKey(addDays(dateKey(at), -(d + 1)), 'am'),
    slotKey(addDays(dateKey(at), -(d + 1)), 'pm'),
  ]).flat();
  return Array.from({ length: n }, (_x, i) => ({
    ...item,
    _id: `bench-${tag}-menu-${i}`,
    slots: Object.fromEntries(past.map((k) => [k, 2])),
    holds: Object.fromEntries(past.map((k) => [k, { [`bench-${tag}-order-${i}`]: 1 }])),
  }));
}

/**
 * Bookings of `room` that ended yesterday with nobody checked in (what settle marks as no-shows), by 100 bookers
 * a scale; and closed turns on duty not yet counted as hours.
 */
export function endedBookings(
  room: Doc,
  n: number,
  tag: string,
  at: Date,
): { bookings: Doc[]; duties: Doc[] } {
  const day = addDays(dateKey(at), -1);
  const startAt = startOfDate(day);
  const bookers = Math.max(1, Math.floor(n / 3));
  const bookings = Array.from({ length: n }, (_x, i) => ({
    _id: `bench-${tag}-booking-${i}`,
    roomId: room._id,
    roomName: room.name,
    communityId: room.communityId,
    communityName: room.communityName,
    placePath: room.placePath,
    cancelBeforeMinutes: 60,
    userId: `bench-${tag}-elder-${i % bookers}`,
    openid: `bench-${tag}-elder-openid-${i % bookers}`,
    name: `长者${i % bookers}`,
    date: day,
    start: 540,
    end: 600,
    startAt: new Date(startAt.getTime() + 9 * 3_600_000),
    endAt: new Date(startAt.getTime() + 10 * 3_600_000),
    slots: [`${day}/540`],
    people: 1,
    purpose: '活动',
    code: String(100000 + i),
    status: 'booked',
    week: 'bench',
    minutes: 60,
    createdAt: startAt,
    updatedAt: startAt,
  }));
  const duties = Array.from({ length: Math.ceil(n / 6) }, (_x, i) => ({
    _id: `bench-${tag}-duty-${i}`,
    roomId: room._id,
    roomName: room.name,
    communityId: room.communityId,
    placePath: room.placePath,
    managerId: `bench-${tag}-elder-${i}`,
    managerName: `长者${i}`,
    managerOpenid: `bench-${tag}-elder-openid-${i}`,
    communityName: room.communityName,
    openedAt: new Date(startAt.getTime() + 8 * 3_600_000),
    closedAt: new Date(startAt.getTime() + 12 * 3_600_000),
    minutes: 240,
  }));
  return { bookings, duties };
}

/**
 * Micro-charity rounds (copies of `round`) whose vote closed a day before `at`, each with 10 accepted proposals
 * and 100 ballots: what advancePhases tallies, ranks and allocates.
 */
export function roundsToTally(round: Doc, n: number, tag: string, at: Date) {
  const day = 86_400_000;
  const t = at.getTime();
  const rounds: Doc[] = [];
  const proposals: Doc[] = [];
  const ballots: Doc[] = [];
  for (let r = 0; r < n; r++) {
    const roundId = `bench-${tag}-round-${r}`;
    rounds.push({
      ...round,
      _id: roundId,
      phase: 'voting',
      version: 1,
      results: null,
      nextCheckAt: new Date(t - day),
      schedule: {
        collectingFrom: new Date(t - 30 * day),
        screeningFrom: new Date(t - 20 * day),
        votingFrom: new Date(t - 10 * day),
        votingUntil: new Date(t - day),
        workFrom: new Date(t + 10 * day),
      },
    });
    const ids = Array.from({ length: 10 }, (_x, p) => `${roundId}-proposal-${p}`);
    ids.forEach((id, p) =>
      proposals.push({
        _id: id,
        roundId,
        title: `微公益项目${p}`,
        summary: '为社区长者做一件实事',
        budget: 2000 + p * 100,
        status: 'accepted',
        authorId: `bench-${tag}-elder-${p}`,
        authorName: `长者${p}`,
        authorOpenid: `bench-${tag}-elder-openid-${p}`,
        idempotencyKey: id,
        submittedAt: new Date(t - 25 * day + p),
        createdAt: new Date(t - 25 * day),
        updatedAt: new Date(t - 25 * day),
      }),
    );
    for (let v = 0; v < 100; v++) {
      const chosen = [ids[v % 10]!, ids[(v * 3) % 10]!].filter((x, k, a) => a.indexOf(x) === k);
      ballots.push({
        _id: `${roundId}-ballot-${v}`,
        roundId,
        voterId: `bench-${tag}-elder-${v}`,
        proposalIds: chosen,
        count: chosen.length,
        spent: chosen.length,
        log: [],
        createdAt: new Date(t - 5 * day),
        updatedAt: new Date(t - 5 * day),
      });
    }
  }
  return { rounds, proposals, ballots };
}

/**
 * Delivery records of a contract (`contract`: its document) for the projects refresh timer, written at `at`: `n`
 * orders its organization completed in its communities over the 100–140 days before (every other one rated), and
 * n / 2 each of hours-ledger lines (not marked verified: the points timer leaves them) and sign-ups there.
 */
export function deliveries(contract: Doc, n: number, tag: string, at: Date) {
  const c = contract as {
    orgId: string;
    orgName: string;
    scopePath: string[];
    communityIds: string[];
    communityNames: string[];
  };
  const when = (i: number) => new Date(at.getTime() - (100 + (i % 40)) * 86_400_000 - i * 1000);
  const place = (i: number) => i % c.communityIds.length;
  const orders: Doc[] = Array.from({ length: n }, (_x, i) => ({
    _id: `bench-${tag}-done-${i}`,
    itemName: '助餐',
    category: '助餐',
    communityId: c.communityIds[place(i)],
    communityName: c.communityNames[place(i)],
    placePath: [...c.scopePath, c.communityIds[place(i)]],
    orgId: c.orgId,
    orgName: c.orgName,
    status: 'completed',
    // A finished order frees its live-booking key (services domain/orders): the key becomes its own id.
    activeKey: `bench-${tag}-done-${i}`,
    completedAt: when(i),
    ...(i % 2 === 0 ? { survey: { rating: 3 + (i % 3), complaint: false } } : {}),
    timeline: [{ event: 'completed', status: 'completed', at: when(i) }],
    createdAt: when(i),
    updatedAt: at,
  }));
  const person = (i: number) => ({
    organizer: { kind: 'org', id: c.orgId, name: c.orgName },
    placePath: [...c.scopePath, c.communityIds[place(i)]],
    communityName: c.communityNames[place(i)],
    volunteerId: `bench-${tag}-volunteer-${i % 300}`,
    activityTitle: '社区活动',
  });
  const hours: Doc[] = Array.from({ length: Math.floor(n / 2) }, (_x, i) => ({
    _id: `bench-${tag}-line-${i}`,
    ...person(i),
    signupId: `bench-${tag}-joined-${i}`,
    n: 2,
    kind: 'verify',
    activityStartAt: when(i),
    verifiedDelta: 60,
    at,
  }));
  const signups: Doc[] = Array.from({ length: Math.floor(n / 2) }, (_x, i) => ({
    _id: `bench-${tag}-joined-${i}`,
    ...person(i),
    activityId: `bench-${tag}-activity-${Math.floor(i / 300)}`,
    state: 'active',
    signedUpAt: at,
  }));
  return { orders, hours, signups };
}

/**
 * 随手拍 reports (copies of the demo report `template`) past a deadline: every third accepted and past its time to
 * resolve, the others dispatched and past their time to respond; and n / 5 resolved eight days ago (auto-closed).
 */
export function overdueReports(template: Doc, n: number, tag: string, at: Date): Doc[] {
  const hour = 3_600_000;
  const { acceptedAt: _a, resolvedAt: _r, closedAt: _c, ...base } = template;
  void _a;
  void _r;
  void _c;
  const overdue = Array.from({ length: n }, (_x, i) => ({
    ...base,
    _id: `bench-${tag}-report-${i}`,
    status: i % 3 === 0 ? 'accepted' : 'dispatched',
    respondBy: new Date(at.getTime() - 2 * hour),
    resolveBy: new Date(at.getTime() + (i % 3 === 0 ? -hour : 72 * hour)),
    escalated: i % 3 === 0 ? ['respond'] : [],
    timeline: [],
    createdAt: new Date(at.getTime() - 30 * hour),
    updatedAt: new Date(at.getTime() - 30 * hour),
  }));
  const resolved = Array.from({ length: Math.floor(n / 5) }, (_x, i) => ({
    ...base,
    _id: `bench-${tag}-resolved-${i}`,
    status: 'resolved',
    resolvedAt: new Date(at.getTime() - 8 * 24 * hour),
    escalated: [],
    timeline: [],
    createdAt: new Date(at.getTime() - 10 * 24 * hour),
    updatedAt: new Date(at.getTime() - 8 * 24 * hour),
  }));
  return [...overdue, ...resolved];
}

/**
 * Account deletions due (cooling-off over an hour ago) for the generated elders `bench-<tag>-elder-0…n-1`: their
 * requests, and the mark on their user records to set (`erasureDueAt`).
 */
export function erasuresDue(
  n: number,
  tag: string,
  at: Date,
): { ids: string[]; requests: Doc[]; dueAt: Date } {
  const dueAt = new Date(at.getTime() - 3_600_000);
  const ids = Array.from({ length: n }, (_x, i) => `bench-${tag}-elder-${i}`);
  return {
    ids,
    dueAt,
    requests: ids.map((id) => ({
      _id: id,
      requestedBy: id,
      requestedAt: new Date(dueAt.getTime() - 15 * 86_400_000),
      dueAt,
    })),
  };
}
