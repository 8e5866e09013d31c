/**
 * Idempotent creation (DESIGN.md convention 9): every action that creates something takes a key from the client,
 * so a retried tap — sent again at once by a phone on a bad network, or minutes later — has one effect and gets the
 * same successful reply as the first. Every such action follows one pattern, carried out by {@link idempotentCreate}:
 *
 * 1. **One id per tap.** The document's `_id` comes from (caller, kind, key) ({@link idempotentId}), so all replays
 *    of a tap ("twins") aim at one document and the primary key lets exactly one insert land.
 * 2. **A late replay is answered from the document.** The action's first read also looks for the document under
 *    that id; when it is there the reply is made from it at once — before anything that could since have changed
 *    is checked (a half day no longer bookable, a quota used up) — and nothing is written.
 * 3. **What is taken before the insert is tagged with the id.** A capacity (a place in a half day, a need's units,
 *    a demand line) is taken by a conditional single-document update that also records the id (`holds.<slot>.<id>`,
 *    `claims.<id>`, the line's `itemId`) and refuses to take again under it. Twins therefore never take twice; and
 *    when a twin's take is refused, one read of the tag tells "my own twin holds it" (carry on with what the twin
 *    took) from "really full" (LIMIT_REACHED / CONFLICT as before). A twin is never refused because of its twin.
 * 4. **Whoever gets there first finishes.** Every twin that gets this far inserts the same document, built from
 *    what is held under the tag; the first insert lands, the others meet the primary key, read the stored document
 *    and reply from it. Nobody waits for anybody, so the reply is the same whether the original is still in flight,
 *    done, or died between its take and its insert (the next replay completes it with what is held under the tag).
 *    The reply is made from the document alone (never from the call's own reads or clock), so every twin says the
 *    same.
 * 5. **Effects after the insert run once**: only the call whose insert landed sends its subscription messages.
 * 6. **A duplicate that is not the twin's** (another unique index: the person already has that half day booked;
 *    another create took the author's slot) is a real clash: the document is built again and retried when the
 *    action allows it (the next free slot), else what is held under the tag is given back — by an update tagged
 *    too, so twins give it back once — and the action's error is thrown.
 *
 * If the first call fails for real (really full, content rejected), nothing stays under the tag, so a later replay
 * simply tries again. The happy path costs no round trip beyond the action's own (its read, its take, the insert);
 * a twin that finds a tag or a stored document costs one read more. Content checks may run once per twin.
 */
import { db } from './cloud';
import { findById, isDuplicateKey } from './db';
import type { AppError } from './errors';

export { idempotentId } from './ids';

/** A capacity taken before the insert, tagged with the create's id (step 3). */
export interface TaggedTake<T> {
  /** What the action's first read found already held under the tag (a twin got that far), if anything. */
  held?: T;
  /** The conditional update that takes it and records the tag; what it took, or undefined when refused. */
  take(): Promise<T | undefined>;
  /** After a refusal: what a twin holds under the tag (one read), or undefined. */
  heldByTwin(): Promise<T | undefined>;
  /**
   * The error of a real refusal. It may use what `heldByTwin` read, or read once more to say which: a twin may
   * have taken and already given back for a clash, and its twins should then say the same clash.
   */
  refused(): AppError | Promise<AppError>;
  /** Gives back what is held under the tag after a real clash; conditional on the tag, so it happens once. */
  giveBack?(taken: T): Promise<unknown>;
}

/** How an action creates its document idempotently. */
export interface CreateSpec<D extends { _id: string }, V, T> {
  /** The collection the document goes to. */
  collection: string;
  /** A capacity taken before the insert, if the action has one. */
  take?: TaggedTake<T>;
  /** The document, from what was taken (by this call or a twin). Called again for each retry. */
  build(taken: T): D | Promise<D>;
  /** The reply, made from the document alone: the one inserted here or the twin's stored one. */
  reply(doc: D): V;
  /** The document a twin stored under this key (default: the one with the built `_id`). */
  twin?(doc: D): Promise<D | undefined>;
  /** Builds and inserts again this many times when a duplicate is not the twin's (default 0). */
  retries?: number;
  /** The error of a duplicate that is not the twin's (default: the database's own, as INTERNAL). */
  clash?(doc: D): AppError;
  /** Runs after the insert, by the call whose insert landed only (subscription messages). */
  created?(doc: D): Promise<unknown>;
}

/**
 * Takes what the create needs (tagged), inserts the document and replies, so that every twin of the call gets the
 * same reply and the effect happens once (steps 3–6 above). Round trips: the take (if any) and the insert; a twin
 * adds a read of the tag and/or of the stored document.
 */
export async function idempotentCreate<D extends { _id: string }, V, T = undefined>(
  spec: CreateSpec<D, V, T>,
): Promise<V> {
  let taken = spec.take?.held;
  if (spec.take && taken === undefined) {
    taken = (await spec.take.take()) ?? (await spec.take.heldByTwin());
    if (taken === undefined) throw await spec.take.refused();
  }
  for (let attempt = 0; ; attempt++) {
    const doc = await spec.build(taken as T);
    try {
      await db.collection(spec.collection).add({ data: doc });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const stored = spec.twin ? await spec.twin(doc) : await findById<D>(spec.collection, doc._id);
      if (stored) return spec.reply(stored);
      if (attempt < (spec.retries ?? 0)) continue;
      if (taken !== undefined && spec.take?.giveBack) await spec.take.giveBack(taken);
      throw spec.clash ? spec.clash(doc) : err;
    }
    if (spec.created) await spec.created(doc);
    return spec.reply(doc);
  }
}
