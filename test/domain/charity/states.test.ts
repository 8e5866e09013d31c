/** The donation state machine, step by step. */
import fc from 'fast-check';
import { EVENT_TYPES, type EventType } from '../../../cloudfunctions/charity/contract';
import type { EventData } from '../../../cloudfunctions/charity/domain/chain';
import { nextStatus, replayStatus, requireStep } from '../../../cloudfunctions/charity/domain/states';

const steps = (...types: EventType[]): { type: EventType; data: EventData }[] =>
  types.map((type) => ({ type, data: type === 'dispatched' ? { mode: 'delivery' } : ({} as EventData) }));

it('point-to-point: pledged → received → out for delivery → confirmed → thanked', () => {
  expect(replayStatus('need', steps('pledged', 'received', 'dispatched', 'confirmed', 'thanked'))).toEqual({
    status: 'thanked',
    valid: true,
  });
});

it('general stock needs an allocation before dispatch', () => {
  expect(replayStatus('stock', steps('pledged', 'received', 'dispatched')).valid).toBe(false);
  expect(
    replayStatus('stock', steps('pledged', 'received', 'allocated', 'dispatched', 'confirmed')).status,
  ).toBe('confirmed');
  expect(replayStatus('need', steps('pledged', 'received', 'allocated')).valid).toBe(false);
});

it('pickup and re-dispatch', () => {
  expect(nextStatus('need', 'received', 'dispatched', { mode: 'pickup' })).toBe('ready_for_pickup');
  expect(nextStatus('need', 'out_for_delivery', 'dispatched', { mode: 'pickup' })).toBe('ready_for_pickup');
  expect(nextStatus('need', 'ready_for_pickup', 'confirmed')).toBe('confirmed');
});

it('only a pledge can expire, be cancelled or be refused', () => {
  for (const t of ['expired', 'cancelled', 'rejected'] as const) {
    expect(nextStatus('need', 'pledged', t)).toBe(t);
    expect(nextStatus('need', 'received', t)).toBeUndefined();
  }
});

it('final states accept nothing; requireStep says why in plain words', () => {
  for (const s of ['thanked', 'expired', 'cancelled', 'rejected'] as const)
    for (const t of EVENT_TYPES) expect(nextStatus('stock', s, t, { mode: 'delivery' })).toBeUndefined();
  expect(() => requireStep('need', 'confirmed', 'received')).toThrow(
    expect.objectContaining({ code: 'CONFLICT', message: '当前状态（受助人已确认收到）不能执行“超市接收”' }),
  );
});

it('a chain always starts with a pledge and a replay never leaves the machine', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('need', 'stock' as const),
      fc.array(fc.constantFrom(...EVENT_TYPES), { maxLength: 8 }),
      (kind, types) => {
        const r = replayStatus(kind, steps(...types));
        if (types[0] !== 'pledged') return !r.valid;
        return r.valid ? r.status !== undefined : r.badSeq! > 0;
      },
    ),
  );
});
