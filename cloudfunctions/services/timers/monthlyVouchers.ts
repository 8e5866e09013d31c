/**
 * Timer `monthlyVouchers` (00:05 on the 1st, Beijing): every eligible resident gets this month's voucher — the
 * community's amount (80 yuan by default) in a new wallet whose id is (person, month), so running twice grants
 * once. Last month's wallets stay as they are; what was left in them lapses (the ledger shows it).
 */
import { _, db } from '../../common/cloud';
import { mapLimited } from '../../common/concurrency';
import { isDuplicateKey, rows } from '../../common/db';
import { USERS, type UserDoc } from '../../common/directory/users';
import { monthKey } from '../../../miniprogram/shared/calendar';
import { factsOf } from '../domain/people';
import { getsVoucher, newWallet, policyOf } from '../domain/vouchers';
import { POLICIES, PROFILES, WALLETS, type PolicyDoc, type ProfileDoc, type WalletDoc } from '../documents';

const PAGE = 1000;

/** Reads every document of a query, 1000 at a time, in `_id` order. */
async function readAll<T extends { _id: string }>(
  collection: string,
  where: object,
  fields?: Record<string, boolean>,
): Promise<T[]> {
  const all: T[] = [];
  let after = '';
  for (;;) {
    let q = db
      .collection(collection)
      .where(_.and([where, { _id: _.gt(after) }]))
      .orderBy('_id', 'asc')
      .limit(PAGE);
    if (fields) q = q.field(fields);
    const page = rows<T>(await q.get());
    all.push(...page);
    if (page.length < PAGE) return all;
    after = page[page.length - 1]!._id;
  }
}

/** One run: grants this month's vouchers that are missing. */
export async function monthlyVouchers(
  now: Date,
): Promise<{ month: string; granted: number; totalFen: number }> {
  const month = monthKey(now);
  const policies = new Map((await readAll<PolicyDoc>(POLICIES, {})).map((p) => [p._id, p]));
  const profiles = new Map(
    (await readAll<ProfileDoc>(PROFILES, _.or([{ disabled: true }, { lowIncome: true }]))).map((p) => [
      p._id,
      p,
    ]),
  );
  const have = new Set(
    (await readAll<WalletDoc>(WALLETS, { month }, { _id: true })).map((w) => w.userId ?? w._id.split('@')[0]),
  );
  const people = await readAll<UserDoc>(
    USERS,
    { communityId: _.exists(true) },
    { _id: true, birthYear: true, communityId: true },
  );
  const wallets: WalletDoc[] = [];
  for (const person of people) {
    if (have.has(person._id) || !person.communityId) continue;
    const policy = policyOf(policies.get(person.communityId));
    if (!getsVoucher(policy, factsOf(person, profiles.get(person._id)), now)) continue;
    wallets.push(newWallet(person._id, person.communityId, month, policy.monthlyFen, 'system', now));
  }
  let granted = 0;
  let totalFen = 0;
  const batches = Array.from({ length: Math.ceil(wallets.length / 100) }, (_x, k) =>
    wallets.slice(k * 100, k * 100 + 100),
  );
  // Batches side by side; a wallet's id is (person, month), so a run killed half-way and run again grants once.
  await mapLimited(batches, 4, async (batch) => {
    try {
      await db.collection(WALLETS).add({ data: batch });
      granted += batch.length;
      totalFen += batch.reduce((s, w) => s + w.grantedFen, 0);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Someone was granted meanwhile (an admin confirming eligibility): insert the rest one by one.
      for (const w of batch) {
        try {
          await db.collection(WALLETS).add({ data: w });
          granted++;
          totalFen += w.grantedFen;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
    }
  });
  return { month, granted, totalFen };
}
