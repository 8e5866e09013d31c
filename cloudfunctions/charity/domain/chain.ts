/**
 * The donation chain: every step of a donation is an event that holds the hash of the previous event of that
 * donation and the hash of its own canonical content. Appending never changes an earlier event; verification
 * recomputes every hash and names the first broken link.
 */
import { createHash } from 'node:crypto';
import type { BrokenReason, EventType } from '../contract';
import { canonicalJson } from './canonical';

/** Who took a step: a role and a pseudonym (unlinkable across donations; an admin can recompute it). */
export interface EventActor {
  role: 'donor' | 'staff' | 'admin' | 'recipient' | 'system';
  ref: string;
}

/** Event payload: flat values only, so the canonical form is obvious. */
export type EventData = Record<string, string | number | boolean | null>;

/** One step of a donation, as stored. */
export interface ChainEvent {
  seq: number;
  type: EventType;
  at: Date;
  /** Where it happened, at street or supermarket level (never a home address). */
  place: string;
  actor: EventActor;
  data: EventData;
  /** Hash of the previous event (GENESIS for the first). */
  prev: string;
  hash: string;
}

/** An event before it is sealed into the chain. */
export type EventDraft = Pick<ChainEvent, 'type' | 'at' | 'place' | 'actor' | 'data'>;

/** The `prev` of a donation's first event. */
export const GENESIS = '0'.repeat(64);

/** Format version of the hashed content (bumped if the content ever changes shape). */
const CHAIN_VERSION = 1;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * The exact text that is hashed for an event of `donationId`: the canonical JSON of
 * `{ v, donation, seq, type, at, place, actor: { role, ref }, data, prev }`. Written out with its keys in
 * canonical (sorted) order because verification runs it for every event (a test holds it equal to
 * {@link canonicalJson} of that object).
 */
export function eventContent(donationId: string, e: Omit<ChainEvent, 'hash'>): string {
  const q = JSON.stringify;
  return (
    `{"actor":{"ref":${q(e.actor.ref)},"role":${q(e.actor.role)}},"at":${q(new Date(e.at).toISOString())},` +
    `"data":${canonicalJson(e.data)},"donation":${q(donationId)},"place":${q(e.place)},"prev":${q(e.prev)},` +
    `"seq":${canonicalJson(e.seq)},"type":${q(e.type)},"v":${CHAIN_VERSION}}`
  );
}

/** The hash of an event's content. */
export function hashEvent(donationId: string, e: Omit<ChainEvent, 'hash'>): string {
  return sha256(eventContent(donationId, e));
}

/** The event that follows `events` (the caller stores it only if the chain's head is still what it read). */
export function nextEvent(donationId: string, events: readonly ChainEvent[], draft: EventDraft): ChainEvent {
  const last = events[events.length - 1];
  const unsealed = {
    seq: events.length,
    type: draft.type,
    at: draft.at,
    place: draft.place,
    actor: draft.actor,
    data: draft.data,
    prev: last ? last.hash : GENESIS,
  };
  return { ...unsealed, hash: hashEvent(donationId, unsealed) };
}

/** A chain's head. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The last event's seq and hash, or null for an empty chain. */
export function headOf(events: readonly ChainEvent[]): ChainHead | null {
  const last = events[events.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : null;
}

/** What verification found. */
export interface ChainCheck {
  intact: boolean;
  length: number;
  head: ChainHead | null;
  broken?: { seq: number; reason: BrokenReason };
}

/**
 * Recomputes the chain. `anchor` is a head recorded elsewhere (the donation's stored head, a published digest):
 * the chain must still hold that exact event, so removing events from the end is caught too.
 */
export function verifyChain(
  donationId: string,
  events: readonly ChainEvent[],
  anchor?: ChainHead | null,
): ChainCheck {
  const result = (broken?: ChainCheck['broken']): ChainCheck => ({
    intact: !broken,
    length: events.length,
    head: headOf(events),
    ...(broken ? { broken } : {}),
  });
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i) return result({ seq: i, reason: 'sequence' });
    const prev = i === 0 ? GENESIS : events[i - 1]!.hash;
    if (e.prev !== prev) return result({ seq: i, reason: 'link' });
    if (hashEvent(donationId, e) !== e.hash) return result({ seq: i, reason: 'content' });
  }
  if (anchor) {
    const held = events[anchor.seq];
    if (!held || held.hash !== anchor.hash)
      return result({ seq: Math.min(anchor.seq, events.length), reason: 'anchor' });
  }
  return result();
}

/** Plain words for a broken link (shown on the verify page). */
export function brokenMessage(seq: number, reason: BrokenReason): string {
  const step = `第 ${seq + 1} 步`;
  switch (reason) {
    case 'sequence':
      return `${step}缺失或顺序被改动`;
    case 'link':
      return `${step}与上一步的哈希链接不符`;
    case 'content':
      return `${step}的内容与其哈希不符，记录被改动过`;
    case 'anchor':
      return `${step}与已公示的记录不符，链条被截短或重写`;
    case 'state':
      return `记录的状态与链条不一致（${step}）`;
    case 'gift':
      return `${step}所指的原捐赠记录对不上，无法追溯到这份捐赠`;
  }
}

/** A pseudonym for a person in one donation's chain: stable within it, unlinkable across donations. */
export function pseudonym(kind: 'actor' | 'recipient', personId: string, donationId: string): string {
  return sha256(`mulin-charity:${kind}:${personId}:${donationId}`).slice(0, 16);
}
