/**
 * The daily digest: every donation's chain head as of Beijing midnight, as leaves sorted by donation id, split
 * into parts; each part has a Merkle root, the digest's root is the Merkle root of the part roots, and each
 * digest holds the hash of the one before it. Once published (ledger page, notice board), rewriting any event
 * before that midnight changes a leaf, so the rewrite no longer matches the published root.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';
import type { ChainEvent } from './chain';
import { GENESIS } from './chain';

/** One chain head: donation id, seq and hash of its last event at the cutoff. */
export interface Leaf {
  d: string;
  s: number;
  h: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The hash of a leaf. */
export function leafHash(l: Leaf): string {
  return sha256(`leaf:${l.d}:${l.s}:${l.h}`);
}

/** Merkle root over hashes (an odd node is carried up; domain-separated from leaves). */
export function merkleRoot(hashes: readonly string[]): string {
  if (hashes.length === 0) return sha256('empty');
  let level = [...hashes];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? sha256(`node:${level[i]}${level[i + 1]}`) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** The head of a chain as of `cutoff` (the last event before it), or null if it had not started. */
export function headAt(donationId: string, events: readonly ChainEvent[], cutoff: Date): Leaf | null {
  let head: Leaf | null = null;
  for (const e of events) {
    if (new Date(e.at).getTime() >= cutoff.getTime()) break;
    head = { d: donationId, s: e.seq, h: e.hash };
  }
  return head;
}

/** The content of a digest that its hash covers. */
export interface DigestContent {
  date: string;
  cutoff: Date;
  count: number;
  partRoots: string[];
  root: string;
  prev: string;
}

/** The hash of a digest (it chains the digests). */
export function digestHash(d: DigestContent): string {
  return sha256(
    canonicalJson({
      date: d.date,
      cutoff: new Date(d.cutoff),
      count: d.count,
      partRoots: d.partRoots,
      root: d.root,
      prev: d.prev,
    }),
  );
}

/** A digest ready to store: its parts and its content and hash. */
export interface BuiltDigest extends DigestContent {
  parts: Leaf[][];
  hash: string;
}

/** Builds the digest of `date` from the chain heads at `cutoff`; `prev` is the previous digest's hash. */
export function buildDigest(
  date: string,
  cutoff: Date,
  heads: readonly Leaf[],
  prev: string | undefined,
  partSize: number,
): BuiltDigest {
  const sorted = [...heads].sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0));
  const parts: Leaf[][] = [];
  for (let i = 0; i < sorted.length; i += partSize) parts.push(sorted.slice(i, i + partSize));
  const partRoots = parts.map((p) => merkleRoot(p.map(leafHash)));
  const content: DigestContent = {
    date,
    cutoff,
    count: sorted.length,
    partRoots,
    root: merkleRoot(partRoots),
    prev: prev ?? GENESIS,
  };
  return { ...content, parts, hash: digestHash(content) };
}

/** Whether a stored digest is consistent in itself (root over part roots, hash over content). */
export function digestConsistent(d: DigestContent & { hash: string }): boolean {
  return merkleRoot(d.partRoots) === d.root && digestHash(d) === d.hash;
}

/** Checks the digests' own chain (oldest first): each consistent and holding the previous one's hash. */
export function verifyDigestChain(
  digests: readonly (DigestContent & { hash: string })[],
  before?: string,
): { intact: boolean; firstBrokenDate?: string } {
  let prev = before;
  for (const d of digests) {
    if (!digestConsistent(d) || (prev !== undefined && d.prev !== prev))
      return { intact: false, firstBrokenDate: d.date };
    prev = d.hash;
  }
  return { intact: true };
}

/**
 * Checks a donation against a published digest: the part is the digest's (its root listed at its index), the
 * digest is consistent, and the chain still holds the event the leaf names.
 */
export function checkAnchor(
  donationId: string,
  events: readonly ChainEvent[],
  part: { index: number; leaves: readonly Leaf[] },
  digest: DigestContent & { hash: string },
): { leaf: Leaf | undefined; matches: boolean; digestIntact: boolean } {
  const leaf = part.leaves.find((l) => l.d === donationId);
  const digestIntact =
    digestConsistent(digest) && digest.partRoots[part.index] === merkleRoot(part.leaves.map(leafHash));
  const held = leaf ? events[leaf.s] : undefined;
  return {
    leaf,
    matches: Boolean(leaf && held && held.hash === leaf.h && held.seq === leaf.s),
    digestIntact,
  };
}
