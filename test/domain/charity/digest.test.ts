/** The daily digest: Merkle roots over sorted heads, the digests' own chain, and anchoring one donation. */
import { nextEvent, type ChainEvent } from '../../../cloudfunctions/charity/domain/chain';
import {
  buildDigest,
  checkAnchor,
  headAt,
  merkleRoot,
  verifyDigestChain,
  type Leaf,
} from '../../../cloudfunctions/charity/domain/digest';
import { addDays, dateKey, monthKey, monthsUpTo, startOfDate } from '../../../miniprogram/shared/calendar';

const at = (iso: string) => new Date(iso);
function chain(id: string, times: string[]): ChainEvent[] {
  const events: ChainEvent[] = [];
  for (const t of times)
    events.push(
      nextEvent(id, events, {
        type: 'received',
        at: at(t),
        place: '超市',
        actor: { role: 'staff', ref: 'r' },
        data: {},
      }),
    );
  return events;
}

it('Beijing dates: a day closes at 16:00 UTC', () => {
  expect(dateKey(at('2026-05-10T15:59:59Z'))).toBe('2026-05-10');
  expect(dateKey(at('2026-05-10T16:00:00Z'))).toBe('2026-05-11');
  expect(startOfDate('2026-05-11').toISOString()).toBe('2026-05-10T16:00:00.000Z');
  expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  expect(monthKey(at('2026-04-30T17:00:00Z'))).toBe('2026-05');
  expect(monthsUpTo(at('2026-02-10T00:00:00Z'), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
});

it('the head at a cutoff is the last event before it', () => {
  const events = chain('d1', ['2026-05-10T01:00:00Z', '2026-05-10T10:00:00Z', '2026-05-10T17:00:00Z']);
  expect(headAt('d1', events, startOfDate('2026-05-11'))).toEqual({ d: 'd1', s: 1, h: events[1]!.hash });
  expect(headAt('d1', events, startOfDate('2026-05-10'))).toBeNull();
});

it('the root does not depend on the order heads are given in, and changes with any head', () => {
  const heads: Leaf[] = Array.from({ length: 1203 }, (_, i) => ({
    d: `don-${i}`,
    s: i % 7,
    h: `${i}`.padStart(64, '0'),
  }));
  const a = buildDigest('2026-05-10', startOfDate('2026-05-11'), heads, undefined, 500);
  const b = buildDigest('2026-05-10', startOfDate('2026-05-11'), [...heads].reverse(), undefined, 500);
  expect(a.root).toBe(b.root);
  expect(a.parts.map((p) => p.length)).toEqual([500, 500, 203]);
  const changed = heads.map((h, i) => (i === 777 ? { ...h, s: h.s + 1 } : h));
  expect(buildDigest('2026-05-10', startOfDate('2026-05-11'), changed, undefined, 500).root).not.toBe(a.root);
  expect(merkleRoot([])).toHaveLength(64);
});

it('digests chain: altering an old one breaks the chain from there', () => {
  const d1 = buildDigest('2026-05-10', startOfDate('2026-05-11'), [{ d: 'a', s: 0, h: 'x' }], undefined, 500);
  const d2 = buildDigest('2026-05-11', startOfDate('2026-05-12'), [{ d: 'a', s: 1, h: 'y' }], d1.hash, 500);
  const d3 = buildDigest('2026-05-12', startOfDate('2026-05-13'), [{ d: 'a', s: 2, h: 'z' }], d2.hash, 500);
  expect(verifyDigestChain([d1, d2, d3])).toEqual({ intact: true });
  expect(verifyDigestChain([d1, { ...d2, root: d1.root }, d3])).toEqual({
    intact: false,
    firstBrokenDate: '2026-05-11',
  });
  expect(verifyDigestChain([d1, d3])).toEqual({ intact: false, firstBrokenDate: '2026-05-12' });
});

it('anchors a donation: matches while untouched, not after a rewrite or with a forged part', () => {
  const events = chain('d1', ['2026-05-10T01:00:00Z', '2026-05-10T02:00:00Z']);
  const heads = [headAt('d1', events, startOfDate('2026-05-11'))!, { d: 'd0', s: 0, h: 'h' }];
  const digest = buildDigest('2026-05-10', startOfDate('2026-05-11'), heads, undefined, 1);
  const index = digest.parts.findIndex((p) => p.some((l) => l.d === 'd1'));
  const part = { index, leaves: digest.parts[index]! };
  expect(checkAnchor('d1', events, part, digest)).toMatchObject({ matches: true, digestIntact: true });
  const rewritten = chain('d1', ['2026-05-10T01:00:00Z', '2026-05-10T02:00:01Z']);
  expect(checkAnchor('d1', rewritten, part, digest)).toMatchObject({ matches: false, digestIntact: true });
  const forged = { index, leaves: [{ d: 'd1', s: 1, h: rewritten[1]!.hash }] };
  expect(checkAnchor('d1', rewritten, forged, digest)).toMatchObject({ matches: true, digestIntact: false });
});
