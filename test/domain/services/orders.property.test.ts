import fc from 'fast-check';
import {
  changes,
  FINAL,
  FROM,
  holdsPlace,
  transition,
  type OrderEvent,
} from '../../../cloudfunctions/services/domain/orders';
import type { Actor, OrderDoc } from '../../../cloudfunctions/services/documents';
import { orderFixture } from '../../support/services/orderFixture';

const staff: Actor = { id: 'u-lin', name: '心苑 社工小林', role: 'provider' };
const ORGS = ['org-a', 'org-b', 'org-c'];

const event: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc.record({
    kind: fc.constant('match' as const),
    orgId: fc.constantFrom(...ORGS),
    orgName: fc.constant('机构'),
    acceptDeadline: fc.constant(new Date('2026-06-01T04:00:00Z')),
    byAdmin: fc.boolean(),
  }),
  fc.constant({ kind: 'accept' as const, staffId: 'u-lin', staffName: '小林' }),
  fc.constant({ kind: 'decline' as const, reason: '人手不足' }),
  fc.constant({ kind: 'expire' as const }),
  fc.constant({ kind: 'unmatched' as const, reason: '没有机构能接单' }),
  fc.constant({ kind: 'escalate' as const, reason: '临近服务时间仍未接单' }),
  fc.constant({ kind: 'checkIn' as const, latitude: 31.7, longitude: 118.8, distanceKm: 0.4 }),
  fc.constant({
    kind: 'complete' as const,
    notes: '已协助洗浴',
    photos: [] as string[],
    subsidy: { status: 'deducted' as const, amountFen: 3000 },
  }),
  fc.constant({
    kind: 'confirm' as const,
    survey: {
      rating: 5,
      comment: '很好',
      complaint: false,
      by: 'resident' as const,
      byId: 'u-wang',
      at: new Date(),
    },
  }),
  fc.record({ kind: fc.constant('cancel' as const), reason: fc.constant(''), byAdmin: fc.boolean() }),
);

/** Applies the update `changes` describes, as the database would. */
function applied(before: OrderDoc, after: OrderDoc): OrderDoc {
  const { set, unset, added } = changes(before, after);
  const next = { ...before, ...set, timeline: [...before.timeline, ...added] } as OrderDoc;
  for (const key of unset) delete next[key];
  return next;
}

describe('order state machine', () => {
  it('only allowed transitions happen; the timeline records each one; invariants hold throughout', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        let order = orderFixture();
        let at = order.createdAt.getTime();
        for (const e of events) {
          at += 60_000;
          const before = order;
          let result: ReturnType<typeof transition> | undefined;
          try {
            result = transition(before, e, staff, new Date(at));
          } catch (err) {
            expect((err as { code?: string }).code).toBe('CONFLICT');
            // Refused only when the state does not allow it, or for the special rules.
            const special =
              (e.kind === 'match' && before.excludedOrgIds.includes(e.orgId)) ||
              (e.kind === 'cancel' && before.status === 'accepted' && !e.byAdmin) ||
              ((e.kind === 'escalate' || e.kind === 'unmatched') && before.escalatedAt !== undefined);
            expect(!FROM[e.kind].includes(before.status) || special).toBe(true);
            continue;
          }
          expect(FROM[e.kind]).toContain(before.status);
          expect(FINAL).not.toContain(before.status);
          order = result.order;
          // One line per transition, stamped now, ending in the current state.
          expect(order.timeline).toHaveLength(before.timeline.length + 1);
          expect(order.timeline.at(-1)).toEqual(result.entry);
          expect(result.entry.status).toBe(order.status);
          expect(result.entry.at.getTime()).toBe(at);
          // The database update derived from the difference reproduces the order.
          expect(applied(before, order)).toEqual(order);
          // A held place always has an organization; an excluded organization is never the current one.
          if (holdsPlace(order)) expect(order.orgId).toBeDefined();
          if (order.orgId) expect(order.excludedOrgIds).not.toContain(order.orgId);
          if (['submitted', 'cancelled'].includes(order.status) && e.kind !== 'cancel')
            expect(order.orgId).toBeUndefined();
          expect(order.rematchCount).toBe(order.excludedOrgIds.length);
          if (['accepted', 'in_service', 'completed', 'confirmed'].includes(order.status))
            expect(order.staffId).toBe('u-lin');
          if (order.status === 'confirmed') expect(order.survey).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('walks the happy path with who and when on every line', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 5, 1, 2, m));
    let o = orderFixture();
    const deadline = new Date('2026-06-01T04:00:00Z');
    o = transition(
      o,
      { kind: 'match', orgId: 'org-a', orgName: '心苑', acceptDeadline: deadline },
      staff,
      t(1),
    ).order;
    expect(o).toMatchObject({
      status: 'matched',
      orgId: 'org-a',
      acceptDeadline: deadline,
      staffNotified: false,
    });
    o = transition(o, { kind: 'decline', reason: '今天人手不足' }, staff, t(2)).order;
    expect(o).toMatchObject({ status: 'submitted', excludedOrgIds: ['org-a'], rematchCount: 1 });
    expect(o.orgId).toBeUndefined();
    expect(() =>
      transition(
        o,
        { kind: 'match', orgId: 'org-a', orgName: '心苑', acceptDeadline: deadline },
        staff,
        t(3),
      ),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    o = transition(
      o,
      { kind: 'match', orgId: 'org-b', orgName: '红叶', acceptDeadline: deadline },
      staff,
      t(3),
    ).order;
    o = transition(o, { kind: 'accept', staffId: 'u-lin', staffName: '小林' }, staff, t(4)).order;
    expect(() => transition(o, { kind: 'cancel', reason: '', byAdmin: false }, staff, t(5))).toThrow(
      /联系社区/,
    );
    o = transition(
      o,
      { kind: 'checkIn', latitude: 31.7, longitude: 118.8, distanceKm: 0.2 },
      staff,
      t(6),
    ).order;
    o = transition(
      o,
      {
        kind: 'complete',
        notes: '顺利',
        photos: ['cloud://x/1.jpg'],
        subsidy: { status: 'deducted', amountFen: 3000 },
      },
      staff,
      t(7),
    ).order;
    expect(o).toMatchObject({
      status: 'completed',
      subsidy: { status: 'deducted' },
      checkOut: { photos: ['cloud://x/1.jpg'] },
    });
    expect(o.timeline.map((e) => [e.event, e.status])).toEqual([
      ['submitted', 'submitted'],
      ['matched', 'matched'],
      ['declined', 'submitted'],
      ['matched', 'matched'],
      ['accepted', 'accepted'],
      ['checked_in', 'in_service'],
      ['completed', 'completed'],
    ]);
    expect(o.timeline[2]).toMatchObject({ note: '今天人手不足', orgName: '心苑', by: staff });
  });
});
