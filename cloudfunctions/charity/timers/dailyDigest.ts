/**
 * Timer `dailyDigest` (daily 00:10 Beijing): publishes the digest of every day not yet published, up to
 * yesterday (a week at most per run): each donation's chain head as of that day's Beijing midnight, stored as
 * parts with Merkle roots, the root over them, and the hash chaining it to the day before. Parts are written
 * first and the digest last, so a digest exists only whole; a rerun of the same day writes the same parts.
 */
import { _, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { isDuplicateKey, rows } from '../../common/db';
import { CHARITY_LIMITS } from '../contract';
import type { ChainEvent } from '../domain/chain';
import { buildDigest, headAt, type Leaf } from '../domain/digest';
import { addDays, dateKey, startOfDate } from '../../../miniprogram/shared/calendar';
import { DIGEST_PARTS, DIGESTS, DONATIONS, type DigestDoc } from '../documents';

const PAGE = 1000;

async function headsAt(cutoff: Date): Promise<Leaf[]> {
  const heads: Leaf[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = rows<{ _id: string; events: ChainEvent[] }>(
      await db
        .collection(DONATIONS)
        .where({ createdAt: _.lt(cutoff) })
        .field({ events: true })
        .orderBy('_id', 'asc')
        .skip(offset)
        .limit(PAGE)
        .get(),
    );
    for (const d of page) {
      const head = headAt(d._id, d.events, cutoff);
      if (head) heads.push(head);
    }
    if (page.length < PAGE) return heads;
  }
}

async function insertIgnoringDuplicate(collection: string, data: object): Promise<void> {
  try {
    await db.collection(collection).add({ data });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

/** Publishes the missing digests; returns the dates published. */
export async function dailyDigest(now: Date): Promise<{ published: string[] }> {
  const yesterday = addDays(dateKey(now), -1);
  const latest = rows<DigestDoc>(await db.collection(DIGESTS).orderBy('date', 'desc').limit(1).get())[0];
  let date = latest ? addDays(latest.date, 1) : yesterday;
  if (date < addDays(yesterday, -6)) date = addDays(yesterday, -6);
  let prev = latest?.hash;
  const published: string[] = [];
  for (; date <= yesterday; date = addDays(date, 1)) {
    const cutoff = startOfDate(addDays(date, 1));
    const digest = buildDigest(date, cutoff, await headsAt(cutoff), prev, CHARITY_LIMITS.digestPartSize);
    await mapLimited([...digest.parts.entries()], TIMER_CONCURRENCY, ([index, leaves]) =>
      insertIgnoringDuplicate(DIGEST_PARTS, { _id: `${date}:${index}`, date, index, leaves }),
    );
    const doc: DigestDoc = {
      _id: date,
      date,
      cutoff,
      count: digest.count,
      partRoots: digest.partRoots,
      root: digest.root,
      prev: digest.prev,
      hash: digest.hash,
      publishedAt: now,
    };
    await insertIgnoringDuplicate(DIGESTS, doc);
    prev = digest.hash;
    published.push(date);
  }
  return { published };
}
