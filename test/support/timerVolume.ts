/**
 * A generated street for the timer benchmarks, written straight to the store (a bench set-up, not what a function
 * would do): waiting service orders, eligible residents for the monthly vouchers, pledges overdue and pledges due
 * soon, and thanked donations for the daily digest. `scale` 1 is a busy street today; 10 is ten times it.
 */
import { nextEvent, type ChainEvent, type EventDraft } from '../../cloudfunctions/charity/domain/chain';
import { donationCode } from '../../cloudfunctions/charity/domain/codes';
import type { DonationDoc } from '../../cloudfunctions/charity/documents';
import { addDays, dateKey, parseSlot, slotKey } from '../../miniprogram/shared/calendar';
import { C } from './services/demoServices';

/** How many documents of each kind a scale of 1 has. */
export const PER_SCALE = {
  waitingOrders: 400,
  eligibleResidents: 2_000,
  overduePledges: 500,
  pledgesDueSoon: 500,
  thankedDonations: 125,
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
