/**
 * No dead ends (issue 19): in every state a capability's page can show, a viewer with nothing to tap is told in a
 * plain sentence what happens next or whom to ask — donations, service orders, proposals, reports and room
 * bookings. Each list of states is the capability's own, so a state added later without words fails here.
 */
import { DONATION_STATUSES, type DonationView } from '../../../cloudfunctions/charity/contract';
import { ORDER_STATUSES } from '../../../cloudfunctions/services/contract';
import { NEXT_WORDS } from '../../../cloudfunctions/reports/domain/flow';
import { bookingView } from '../../../cloudfunctions/rooms/domain/views';
import type { BookingDoc } from '../../../cloudfunctions/rooms/documents';
import { donationCard, donationNextStep } from '../../../miniprogram/packages/charity/lib/words';
import { NEXT_STEP } from '../../../miniprogram/packages/proposals/lib/words';
import { orderNextStep } from '../../../miniprogram/lib/services';

const plain = (s: string) => /^[^a-zA-Z]*$/.test(s) && !/\d{4}-\d{2}-\d{2}/.test(s);

it('a donation says what happens next in every status, to someone with nothing to do', () => {
  const none = {
    cancel: false,
    receive: false,
    allocate: false,
    dispatch: false,
    confirm: false,
    confirmWithCode: false,
    thank: false,
  };
  const base = {
    can: none,
    kind: 'need' as DonationView['kind'],
    mine: false,
    pledgeBy: '2026-12-10T09:00:00.000Z',
    supermarket: { id: 'jn-lukou', name: '禄口街道慈善超市', address: '双拥路8号' },
  };
  for (const status of DONATION_STATUSES) {
    const words = donationNextStep({ ...base, status });
    expect({ status, words, plain: plain(words) }).toEqual({
      status,
      words: expect.stringMatching(/。$/),
      plain: true,
    });
  }
  expect(donationNextStep({ ...base, kind: 'stock', status: 'received', remaining: 0 })).toContain(
    '已全部分给',
  );
  expect(donationNextStep({ ...base, status: 'received', can: { ...none, dispatch: true } })).toBe('');
});

it('a gift to general stock that ended before it was taken in is not said to be waiting for allocation', () => {
  const gift = (status: DonationView['status']) =>
    ({
      id: 'g',
      kind: 'stock',
      status,
      statusLabel: '',
      item: '旧棉衣',
      quantity: 2,
      unit: '件',
      supermarket: { id: 'jn-lukou', name: '禄口街道慈善超市', address: '双拥路8号' },
      events: [],
      head: { hash: '' },
    }) as unknown as DonationView;
  for (const status of ['expired', 'cancelled', 'rejected'] as const)
    expect(donationCard(gift(status)).profile).toBe('捐给禄口街道慈善超市，未入库');
  for (const status of ['pledged', 'received'] as const)
    expect(donationCard(gift(status)).profile).toBe('捐给禄口街道慈善超市，待分配');
});

it('a service order says what happens next in every status, when the viewer cannot act', () => {
  const can = {
    cancel: false,
    rate: false,
    accept: false,
    decline: false,
    checkIn: false,
    checkOut: false,
    callback: false,
    assign: false,
    repeat: false,
  };
  for (const status of ORDER_STATUSES) {
    const words = orderNextStep({ status, slotLabel: '12月3日 上午', orgName: '馨苑养老', can });
    expect({ status, ok: words.length > 8 && plain(words) }).toEqual({ status, ok: true });
  }
  expect(orderNextStep({ status: 'accepted', slotLabel: '', can: { ...can, checkIn: true } })).toBe('');
});

it('a proposal says what happens next in every shown status but voting (its vote box says it)', () => {
  for (const [status, words] of Object.entries(NEXT_STEP))
    expect({ status, ok: status === 'in_vote' ? words === '' : words.length > 8 && plain(words) }).toEqual({
      status,
      ok: true,
    });
});

it('a report says what happens next in every status', () => {
  for (const [status, words] of Object.entries(NEXT_WORDS))
    expect({ status, ok: words.length > 8 && plain(words) }).toEqual({ status, ok: true });
});

it('a room booking that is over says what it means, past its cancel time says whom to tell', () => {
  const now = new Date('2026-12-02T08:00:00Z');
  const booking = (status: BookingDoc['status'], startAt: Date): BookingDoc =>
    ({
      _id: 'b1',
      roomId: 'r1',
      roomName: '多功能厅',
      communityName: '禄口社区',
      date: '2026-12-02',
      start: '09:00',
      end: '10:00',
      startAt,
      endAt: new Date(startAt.getTime() + 3_600_000),
      people: 5,
      purpose: '合唱排练',
      status,
      code: '123456',
      cancelBeforeMinutes: 120,
    }) as unknown as BookingDoc;
  const soon = new Date(now.getTime() + 3_600_000);
  for (const status of ['noShow', 'cancelled', 'closed'] as const)
    expect({ status, ok: plain(bookingView(booking(status, soon), now).cancelText) }).toEqual({
      status,
      ok: true,
    });
  expect(bookingView(booking('noShow', soon), now).cancelText).toContain('未到场');
  expect(bookingView(booking('booked', soon), now).cancelText).toContain('告诉活动室管理员');
});
