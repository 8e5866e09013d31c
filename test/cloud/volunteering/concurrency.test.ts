/**
 * volunteering under concurrency, through the local cloud's function host (8 instances, as CloudBase scales out):
 * 200 sign-ups at once for K seats, and 20 cancellations at once.
 *
 * Arrival order, precisely: the order in which the database applied the sign-ups to the activity document. Each
 * sign-up is one atomic find-and-modify that appends the volunteer to `members`; the index it got is its `ticket`,
 * returned in the reply and kept in the document. The tests check that this is a total order (tickets 0…199,
 * each once), that seats and the waitlist follow it (ticket < K ⇔ a seat; waitlist position = ticket − K + 1),
 * that it agrees with what callers saw in real time (whenever A's reply arrived before B was sent, A's ticket is
 * smaller), and that the stored activity, the sign-up records and the replies agree.
 */
import type { ActionInput, ActionName } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import type { CancelResult, SignUpResult } from '../../../cloudfunctions/volunteering/contract';
import { createActivity, HONGYE, makeVolunteers } from './helpers';

jest.setTimeout(120_000);

const N = 200;
const K = 30;
/** Requests are sent within this window, so that some replies arrive before later requests leave. */
const JITTER_MS = 1000;

let demo: DemoCloud;
let v: string[];
beforeAll(async () => {
  demo = await startDemoCloud();
  v = await makeVolunteers(demo, 'cc', N);
});
afterAll(() => demo.close());

interface Timed {
  who: string;
  sent: number;
  replied: number;
  reply: Awaited<ReturnType<DemoCloud['call']>>;
}

/** Sends `action` for each volunteer after a random delay in [0, jitterMs), all at once; records when. */
async function burst<A extends ActionName<'volunteering'>>(
  who: string[],
  action: A,
  payload: ActionInput<'volunteering', A>,
  jitterMs: number,
): Promise<Timed[]> {
  return Promise.all(
    who.map(async (w) => {
      await new Promise((r) => setTimeout(r, Math.random() * jitterMs));
      const sent = performance.now();
      const reply = await demo.call('volunteering', w, action, payload);
      return { who: w, sent, replied: performance.now(), reply };
    }),
  );
}

const activityDoc = (id: string) =>
  demo.cloud.store.docs('volunteer_activities').find((a) => a._id === id) as unknown as {
    members: { v: string; o: string; c?: Date }[];
    activeCount: number;
    capacity: number;
  };

describe(`${N} concurrent sign-ups for ${K} seats`, () => {
  let activityId: string;
  let replies: (Timed & { data: SignUpResult })[];

  beforeAll(async () => {
    activityId = (await createActivity(demo, { capacity: K, startsInH: 48 })).id;
    const started = performance.now();
    const timed = await burst(v, 'signUp', { activityId }, JITTER_MS);
    console.log(
      `${N} concurrent sign-ups: ${Math.round(performance.now() - started)} ms (incl. up to ${JITTER_MS} ms jitter)`,
    );
    for (const t of timed) if (!t.reply.ok) throw new Error(`${t.who}: ${JSON.stringify(t.reply)}`);
    replies = timed.map((t) => ({ ...t, data: (t.reply as { data: SignUpResult }).data }));
  });

  it('admits exactly K and waitlists the rest, each once', () => {
    expect(replies.filter((r) => r.data.standing === 'admitted')).toHaveLength(K);
    expect(replies.filter((r) => r.data.standing === 'waiting')).toHaveLength(N - K);
    expect(replies.every((r) => !r.data.already)).toBe(true);
    const doc = activityDoc(activityId);
    expect(doc.members).toHaveLength(N);
    expect(new Set(doc.members.map((m) => m.v)).size).toBe(N);
    expect(doc.activeCount).toBe(N);
  });

  it('gives every sign-up a distinct ticket 0…N−1, and seats and waitlist places follow the tickets', () => {
    const tickets = replies.map((r) => r.data.ticket).sort((a, b) => a - b);
    expect(tickets).toEqual(Array.from({ length: N }, (_x, i) => i));
    for (const r of replies) {
      if (r.data.ticket < K) {
        expect(r.data.standing).toBe('admitted');
        expect(r.data.position).toBeUndefined();
      } else expect(r.data).toMatchObject({ standing: 'waiting', position: r.data.ticket - K + 1 });
    }
  });

  it('agrees with real time: a reply received before another request was sent has the smaller ticket', () => {
    let ordered = 0;
    for (const a of replies)
      for (const b of replies)
        if (a.replied < b.sent) {
          ordered += 1;
          expect(a.data.ticket).toBeLessThan(b.data.ticket);
        }
    // The jitter spreads the requests so that the check above is not vacuous (thousands of pairs on a quiet
    // machine; fewer when it is busy and replies come back later).
    expect(ordered).toBeGreaterThan(100);
  });

  it('stores the same order: members[ticket] is the volunteer who got it, and the sign-up record says so', () => {
    const doc = activityDoc(activityId);
    const signups = demo.cloud.store.docs('volunteer_signups').filter((s) => s.activityId === activityId);
    expect(signups).toHaveLength(N);
    for (const r of replies) {
      expect(doc.members[r.data.ticket]!.o).toBe(r.who);
      expect(signups.find((s) => s.openid === r.who)!.ticket).toBe(r.data.ticket);
    }
  });

  it('used 3 round trips per sign-up', () => {
    expect(new Set(replies.map((r) => r.reply.roundTrips))).toEqual(new Set([3]));
  });

  it('the organizer sees the same seats and waitlist', async () => {
    const roster = await demo.ok('volunteering', HONGYE, 'roster', { activityId });
    expect(roster.counts).toMatchObject({ admitted: K, waiting: N - K });
    const byTicket = [...replies].sort((a, b) => a.data.ticket - b.data.ticket);
    const waiting = await demo.ok('volunteering', HONGYE, 'roster', {
      activityId,
      section: 'waiting',
    });
    expect(waiting.items.map((i) => i.ticket)).toEqual(byTicket.slice(K, K + 20).map((r) => r.data.ticket));
  });

  describe('then 20 concurrent cancellations by seat holders', () => {
    let cancels: (Timed & { data: CancelResult })[];
    let byTicket: typeof replies;
    beforeAll(async () => {
      byTicket = [...replies].sort((a, b) => a.data.ticket - b.data.ticket);
      demo.cloud.outbox.clear();
      const leaving = byTicket.slice(0, 20).map((r) => r.who);
      const timed = await burst(leaving, 'cancelSignUp', { activityId }, 20);
      for (const t of timed) if (!t.reply.ok) throw new Error(`${t.who}: ${JSON.stringify(t.reply)}`);
      cancels = timed.map((t) => ({ ...t, data: (t.reply as { data: CancelResult }).data }));
    });

    it('each freed seat promotes exactly one volunteer: the first 20 in line, each told once', () => {
      expect(cancels.map((c) => c.data.promoted)).toEqual(Array(20).fill(1));
      const told = demo.cloud.outbox.list({ templateId: 'local-vol_promoted' }).map((m) => m.touser);
      expect(told).toHaveLength(20);
      expect(new Set(told)).toEqual(new Set(byTicket.slice(K, K + 20).map((r) => r.who)));
    });

    it('keeps exactly K seats, and the waitlist moves up in order', async () => {
      const doc = activityDoc(activityId);
      expect(doc.activeCount).toBe(N - 20);
      const roster = await demo.ok('volunteering', HONGYE, 'roster', { activityId });
      expect(roster.counts).toMatchObject({ admitted: K, waiting: N - 20 - K, cancelled: 20 });
      const first = await demo.ok('volunteering', byTicket[K + 20]!.who, 'signUp', {
        activityId,
      });
      expect(first).toMatchObject({ standing: 'waiting', position: 1, already: true });
    });

    it('mixed: 10 seat holders and 10 waiting leave at once — 10 promotions, to the earliest still waiting', async () => {
      demo.cloud.outbox.clear();
      const doc = activityDoc(activityId);
      const active = doc.members.map((m, ticket) => ({ ...m, ticket })).filter((m) => !m.c);
      const seatHolders = active.slice(0, 10).map((m) => m.o);
      // Leaving from the back of the line, so those at the front are promoted.
      const backOfLine = active.slice(-10).map((m) => m.o);
      const timed = await burst([...seatHolders, ...backOfLine], 'cancelSignUp', { activityId }, 20);
      const promoted = timed.map((t) => (t.reply.ok ? (t.reply.data as CancelResult).promoted : -1));
      expect(promoted.slice(0, 10)).toEqual(Array(10).fill(1));
      expect(promoted.slice(10)).toEqual(Array(10).fill(0));
      const told = demo.cloud.outbox.list({ templateId: 'local-vol_promoted' }).map((m) => m.touser);
      expect(new Set(told)).toEqual(new Set(active.slice(K, K + 10).map((m) => m.o)));
      expect(told).toHaveLength(10);
    });
  });
});

describe('one volunteer tapping sign-up 10 times at once', () => {
  it('is one sign-up', async () => {
    const { id } = await createActivity(demo, { capacity: 5 });
    const timed = await burst(Array(10).fill(v[0]!), 'signUp', { activityId: id }, 5);
    const data = timed.map((t) => (t.reply as { data: SignUpResult }).data);
    expect(data.filter((d) => !d.already)).toHaveLength(1);
    expect(new Set(data.map((d) => d.ticket))).toEqual(new Set([0]));
    expect(activityDoc(id).members).toHaveLength(1);
    expect(demo.cloud.store.docs('volunteer_signups').filter((s) => s.activityId === id)).toHaveLength(1);
  });
});
