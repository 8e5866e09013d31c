/** Reconciliation: received − delivered = on hand, from the chains; status and stocktake mismatches flagged. */
import { nextEvent, type ChainEvent, type EventDraft } from '../../../cloudfunctions/charity/domain/chain';
import { reconcile, type StockDonation } from '../../../cloudfunctions/charity/domain/stock';
import { replayStatus } from '../../../cloudfunctions/charity/domain/states';
import type { EventType } from '../../../cloudfunctions/charity/contract';

const now = new Date('2026-05-10T08:00:00Z');
let n = 0;
function donation(
  item: string,
  unit: string,
  steps: [EventType, Record<string, number | string>?][],
): StockDonation {
  const id = `d${++n}`;
  const events: ChainEvent[] = [];
  for (const [type, data = {}] of steps) {
    const draft: EventDraft = { type, at: now, place: '超市', actor: { role: 'staff', ref: 'x' }, data };
    events.push(nextEvent(id, events, draft));
  }
  const received = events.find((e) => e.type === 'received')?.data.quantity;
  const last = events[events.length - 1]!;
  return {
    _id: id,
    kind: 'need',
    status: replayStatus('need', events).status!,
    item,
    unit,
    ...(typeof received === 'number' ? { receivedQuantity: received } : {}),
    head: { seq: last.seq, hash: last.hash },
    events,
  };
}

const rice = () => [
  donation('大米', '袋', [
    ['pledged', { quantity: 2 }],
    ['received', { quantity: 2 }],
  ]),
  donation('大米', '袋', [
    ['pledged', { quantity: 1 }],
    ['received', { quantity: 1 }],
    ['dispatched', { mode: 'delivery' }],
    ['confirmed', { quantity: 1 }],
  ]),
  donation('大米 ', '袋', [['pledged', { quantity: 5 }]]),
  donation('棉被', '床', [
    ['pledged', { quantity: 1 }],
    ['received', { quantity: 1 }],
    ['dispatched', { mode: 'pickup' }],
  ]),
];

it('balances when the chains, the statuses and the count agree', () => {
  const report = reconcile(
    'sm',
    rice(),
    [{ at: now, counts: [{ item: '大米', unit: '袋', counted: 2 }] }],
    now,
  );
  expect(report.lines).toEqual([
    {
      item: '大米',
      unit: '袋',
      received: 3,
      delivered: 1,
      expected: 2,
      onShelf: 2,
      counted: 2,
      countedAt: now.toISOString(),
      flags: [],
    },
    { item: '棉被', unit: '床', received: 1, delivered: 0, expected: 1, onShelf: 1, flags: [] },
  ]);
  expect(report.balanced).toBe(true);
});

it('flags a count that disagrees, using the latest stocktake per item', () => {
  const older = { at: new Date(now.getTime() - 1000), counts: [{ item: '大米', unit: '袋', counted: 2 }] };
  const newer = { at: now, counts: [{ item: '大米', unit: '袋', counted: 1 }] };
  const report = reconcile('sm', rice(), [older, newer], now);
  expect(report.lines[0]).toMatchObject({ counted: 1, flags: ['count-mismatch'] });
  expect(report.balanced).toBe(false);
});

it('flags a stored status that disagrees with its chain, and a broken chain', () => {
  const ds = rice();
  ds[0] = { ...ds[0]!, status: 'confirmed' };
  ds[3] = { ...ds[3]!, events: ds[3]!.events.map((e, i) => (i === 1 ? { ...e, data: { quantity: 9 } } : e)) };
  const report = reconcile('sm', ds, [], now);
  expect(report.lines.find((l) => l.item === '大米')).toMatchObject({
    expected: 2,
    onShelf: 0,
    flags: ['status-mismatch'],
  });
  expect(report.flaggedDonations).toEqual([
    { donationId: ds[0]!._id, reason: 'status:confirmed≠received' },
    { donationId: ds[3]!._id, reason: 'chain:content' },
  ]);
});
