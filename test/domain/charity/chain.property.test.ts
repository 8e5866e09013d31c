/** The chain's invariants: a built chain always verifies; any single altered, removed or reordered event is caught. */
import fc from 'fast-check';
import { canonicalJson } from '../../../cloudfunctions/charity/domain/canonical';
import {
  eventContent,
  nextEvent,
  verifyChain,
  type ChainEvent,
  type EventDraft,
} from '../../../cloudfunctions/charity/domain/chain';
import { EVENT_TYPES } from '../../../cloudfunctions/charity/contract';

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

const draft: fc.Arbitrary<EventDraft> = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  at: fc.date({ min: new Date('2024-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
  place: fc.constantFrom('禄口街道慈善超市', '秣陵街道', '东山街道慈善超市'),
  actor: fc.record({
    role: fc.constantFrom('donor', 'staff', 'admin', 'recipient', 'system') as fc.Arbitrary<
      EventDraft['actor']['role']
    >,
    ref: hex(16),
  }),
  data: fc.dictionary(
    fc.constantFrom('quantity', 'mode', 'condition', 'message', 'needId'),
    fc.oneof(
      fc.integer({ min: 0, max: 1000 }),
      fc.string({ maxLength: 12 }),
      fc.boolean(),
      fc.constant(null),
    ),
  ),
});

const donationId = hex(32);

function build(id: string, drafts: EventDraft[]): ChainEvent[] {
  const events: ChainEvent[] = [];
  for (const d of drafts) events.push(nextEvent(id, events, d));
  return events;
}

const chain = fc
  .tuple(donationId, fc.array(draft, { minLength: 1, maxLength: 12 }))
  .map(([id, drafts]) => ({ id, events: build(id, drafts) }));

it('a chain built by appending always verifies, against its own head too', () => {
  fc.assert(
    fc.property(chain, ({ id, events }) => {
      const head = events[events.length - 1]!;
      const check = verifyChain(id, events, { seq: head.seq, hash: head.hash });
      return check.intact && check.length === events.length && check.head?.hash === head.hash;
    }),
  );
});

/** A change to one field of one stored event, as someone editing the database might make it. */
const alteration = fc.constantFrom(
  'type',
  'at',
  'place',
  'actor',
  'data-add',
  'data-change',
  'prev',
  'hash',
  'seq',
);

function alter(e: ChainEvent, how: string): ChainEvent {
  switch (how) {
    case 'type':
      return { ...e, type: e.type === 'received' ? 'rejected' : 'received' };
    case 'at':
      return { ...e, at: new Date(new Date(e.at).getTime() + 1) };
    case 'place':
      return { ...e, place: `${e.place}x` };
    case 'actor':
      return {
        ...e,
        actor: { ...e.actor, ref: e.actor.ref === 'f'.repeat(16) ? '0'.repeat(16) : 'f'.repeat(16) },
      };
    case 'data-add':
      return { ...e, data: { ...e.data, extra: 1 } };
    case 'data-change': {
      const q = e.data.quantity;
      return { ...e, data: { ...e.data, quantity: typeof q === 'number' ? q + 1 : 7 } };
    }
    case 'prev':
      return { ...e, prev: e.prev.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    case 'hash':
      return { ...e, hash: e.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    default:
      return { ...e, seq: e.seq + 1 };
  }
}

it('any single altered event is detected, and named as the first broken link', () => {
  fc.assert(
    fc.property(chain, fc.nat(), alteration, ({ id, events }, k, how) => {
      const i = k % events.length;
      const tampered = events.map((e, j) => (j === i ? alter(e, how) : e));
      const head = events[events.length - 1]!;
      const check = verifyChain(id, tampered, { seq: head.seq, hash: head.hash });
      // Altering the hash of the last event is caught by the anchor; everything else at the event itself.
      return !check.intact && check.broken!.seq === i;
    }),
  );
});

it('any single removed event is detected (the last one through the anchored head)', () => {
  fc.assert(
    fc.property(chain, fc.nat(), ({ id, events }, k) => {
      const i = k % events.length;
      const removed = events.filter((_, j) => j !== i);
      const head = events[events.length - 1]!;
      const check = verifyChain(id, removed, { seq: head.seq, hash: head.hash });
      return !check.intact && check.broken!.seq === i;
    }),
  );
});

it('any two events swapped is detected at the first of them', () => {
  fc.assert(
    fc.property(
      chain.filter((c) => c.events.length >= 2),
      fc.nat(),
      fc.nat(),
      ({ id, events }, a, b) => {
        const i = a % events.length;
        let j = b % events.length;
        if (i === j) j = (j + 1) % events.length;
        const swapped = [...events];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const check = verifyChain(id, swapped);
        return !check.intact && check.broken!.seq === Math.min(i, j);
      },
    ),
  );
});

it('a chain moved to another donation does not verify there', () => {
  fc.assert(
    fc.property(chain, donationId, ({ id, events }, other) => {
      fc.pre(other !== id);
      return !verifyChain(other, events).intact;
    }),
  );
});

it('a rewritten chain (every hash recomputed after a change) is caught by a head anchored before the rewrite', () => {
  fc.assert(
    fc.property(chain, fc.nat(), ({ id, events }, k) => {
      const i = k % events.length;
      const drafts: EventDraft[] = events.map((e, j) => ({
        type: e.type,
        at: e.at,
        place: j === i ? `${e.place}（改）` : e.place,
        actor: e.actor,
        data: e.data,
      }));
      const rewritten = build(id, drafts);
      const head = events[events.length - 1]!;
      const selfCheck = verifyChain(id, rewritten);
      const anchored = verifyChain(id, rewritten, { seq: head.seq, hash: head.hash });
      return selfCheck.intact && !anchored.intact && anchored.broken!.reason === 'anchor';
    }),
  );
});

it('the hashed text is exactly the canonical JSON of the event’s content', () => {
  fc.assert(
    fc.property(chain, ({ id, events }) =>
      events.every(
        (e) =>
          eventContent(id, e) ===
          canonicalJson({
            v: 1,
            donation: id,
            seq: e.seq,
            type: e.type,
            at: e.at,
            place: e.place,
            actor: { role: e.actor.role, ref: e.actor.ref },
            data: e.data,
            prev: e.prev,
          }),
      ),
    ),
  );
});
