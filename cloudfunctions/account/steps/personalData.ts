/**
 * Reading and deleting a person's data in every collection the registry (common/personalData) names: one
 * aggregation rooted at their user record finds their documents everywhere; deletion writes what the pure plans
 * (domain/personalData) say, document by document.
 */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../common/action';
import { _, cloud, db } from '../../common/cloud';
import { mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows } from '../../common/db';
import { readWithCaller, type Join, type JoinedDocs } from '../../common/joins';
import { PERSONAL_DATA, personalCollections } from '../../common/personalData';
import { USERS, type UserDoc } from '../../common/directory/users';
import { erasePlan, matchesFor, valuesAt, type Person, type Pseudonyms } from '../domain/personalData';

type Doc = Record<string, unknown> & { _id: string };

/** The most documents of one collection read for one person (a lifetime of orders is far fewer). */
const PER_COLLECTION = 1000;

/** Who a user record names. */
export function personOf(u: UserDoc): Person {
  return {
    userId: u._id,
    openid: u.openid,
    ...(u.realName ? { realName: u.realName } : {}),
    ...(u.phone ? { phone: u.phone } : {}),
    nickname: u.nickname,
  };
}

/** The query finding the person's documents in a collection (any owner or actor field naming them). */
function queryFor(collection: string, p: Person): Record<string, unknown> {
  const matches = matchesFor(PERSONAL_DATA[collection]!, p);
  return _.or(matches.map((m) => ({ [m.field]: m.value }))) as unknown as Record<string, unknown>;
}

/** The name a `via` join's documents go under. */
const viaName = (c: string) => `via_${c}`;

/**
 * Joins reading the person's documents of every personal collection, each under its collection's name; then those
 * found through their own documents (`via`), under `via_<collection>`.
 */
export function personalJoins(p: Person): Join[] {
  const direct: Join[] = personalCollections().map((c) => ({
    as: c,
    from: c,
    match: queryFor(c, p),
    limit: PER_COLLECTION,
  }));
  const via: Join[] = Object.entries(PERSONAL_DATA).flatMap(([c, e]): Join[] =>
    e.via
      ? [
          { set: { [`${viaName(c)}_ids`]: `$${e.via.from}.${e.via.field}` } },
          { as: viaName(c), from: c, localField: `${viaName(c)}_ids`, foreignField: '_id' },
        ]
      : [],
  );
  return [...direct, ...via];
}

/** Each collection's documents naming the person (directly or through their own documents), once each. */
export function foundDocs(docs: JoinedDocs): Record<string, Doc[]> {
  return Object.fromEntries(
    personalCollections().map((c) => {
      const byId = new Map<string, Doc>();
      for (const d of [...docs.all<Doc>(c), ...docs.all<Doc>(viaName(c))]) byId.set(d._id, d);
      return [c, [...byId.values()]];
    }),
  );
}

/**
 * The caller and, in the same aggregation, a target user (`targetUserId`: an elder an admin acts for) and every
 * collection's documents naming the person whose data it is (the caller, or the target). One round trip.
 */
export async function readPersonalData(
  ctx: ActionContext,
  targetUserId: string | undefined,
  extra: Join[] = [],
): Promise<{ caller: UserDoc; target?: UserDoc; found: Record<string, Doc[]>; docs: JoinedDocs }> {
  if (!targetUserId) {
    const me = await ctx.caller();
    const r = await readWithCaller(ctx, [...personalJoins(personOf(me)), ...extra]);
    return { caller: r.caller, found: foundDocs(r), docs: r };
  }
  // A proxy elder's openid is made from their id at registration (`proxy:<id>`), so the joins need no first read.
  const p: Person = { userId: targetUserId, openid: `proxy:${targetUserId}` };
  const r = await readWithCaller(ctx, [
    { as: 'target', from: USERS, match: { _id: targetUserId }, limit: 1 },
    ...personalJoins(p),
    ...extra,
  ]);
  return { caller: r.caller, target: r.one<UserDoc>('target'), found: foundDocs(r), docs: r };
}

/** Joins of the rounds the person voted in (after the ballots' join), for their titles. */
export const VOTE_ROUNDS: Join[] = [
  { set: { voteRoundIds: '$proposal_ballots.roundId' } },
  { as: 'voteRounds', from: 'proposal_rounds', localField: 'voteRoundIds', foreignField: '_id' },
];

/** Fresh random pseudonyms: the link to the person is kept nowhere. */
export function newPseudonyms(): Pseudonyms {
  const id = `anon-${randomBytes(12).toString('hex')}`;
  return { id, openid: `${id}-o` };
}

/** What one deletion did, without anyone's identity (for the timer's log and the tests). */
export interface ErasureCounts {
  deleted: number;
  rewritten: number;
  collections: number;
}

async function applyPlan(collection: string, doc: Doc, p: Person, ps: Pseudonyms): Promise<'d' | 'r' | ''> {
  const plan = erasePlan(collection, doc, p, ps);
  if (plan.kind === 'none') return '';
  if (plan.kind === 'delete') {
    await db.collection(collection).doc(doc._id).remove();
    return 'd';
  }
  const { _id, ...data } = plan.doc;
  if (plan.replaces) {
    // The id itself named the person (`<userId>@2026-12`): the record moves to the pseudonymous id.
    await db.collection(collection).add({ data: { _id, ...data } });
    await db.collection(collection).doc(plan.replaces).remove();
    return 'r';
  }
  // Only the fields that changed are written (a stored geo point elsewhere in the document stays as it is).
  const update: Record<string, unknown> = {};
  for (const [k, before] of Object.entries(doc)) {
    if (k === '_id') continue;
    if (!(k in data)) update[k] = _.remove();
    else if (JSON.stringify(data[k]) !== JSON.stringify(before)) {
      const v = data[k];
      update[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v;
    }
  }
  await db.collection(collection).doc(doc._id).update({ data: update });
  return 'r';
}

/**
 * Deletes a person's data (PIPL art. 47): every document naming them is erased, anonymised or kept without identity
 * as the registry says; their avatar file goes with their record. Safe to run again: a second run finds nothing.
 */
export async function erasePerson(user: UserDoc): Promise<ErasureCounts> {
  const p = personOf(user);
  const ps = newPseudonyms();
  const found = await Promise.all(
    // A timer, not an action: one query per collection, read side by side.
    personalCollections().map(async (c) => ({
      c,
      docs: rows<Doc>(await db.collection(c).where(queryFor(c, p)).limit(PER_COLLECTION).get()),
    })),
  );
  for (const [c, e] of Object.entries(PERSONAL_DATA)) {
    if (!e.via) continue;
    const ids = [
      ...new Set(
        found.find((f) => f.c === e.via!.from)?.docs.flatMap((d) => valuesAt(d, e.via!.field)) ?? [],
      ),
    ].filter((v): v is string => typeof v === 'string');
    const direct = found.find((f) => f.c === c)!;
    const known = new Set(direct.docs.map((d) => d._id));
    const more = ids.filter((id) => !known.has(id));
    for (let i = 0; i < more.length; i += 100)
      direct.docs.push(
        ...rows<Doc>(
          await db
            .collection(c)
            .where({ _id: _.in(more.slice(i, i + 100)) })
            .limit(100)
            .get(),
        ),
      );
  }
  const counts: ErasureCounts = { deleted: 0, rewritten: 0, collections: 0 };
  // The user record goes last: until then a second run can still find everything.
  const jobs = found.flatMap(({ c, docs }) =>
    docs.filter((d) => !(c === USERS && d._id === p.userId)).map((d) => ({ c, d })),
  );
  const done = await mapLimited(jobs, TIMER_CONCURRENCY, ({ c, d }) => applyPlan(c, d, p, ps));
  const touched = new Set(jobs.filter((_j, i) => done[i] !== '').map((j) => j.c));
  counts.deleted = done.filter((x) => x === 'd').length;
  counts.rewritten = done.filter((x) => x === 'r').length;
  if (user.avatarFileId) {
    // A file already gone is no reason to stop a deletion.
    try {
      await cloud.deleteFile({ fileList: [user.avatarFileId] });
    } catch {
      /* already gone */
    }
  }
  await db.collection(USERS).doc(p.userId).remove();
  counts.deleted++;
  touched.add(USERS);
  counts.collections = touched.size;
  return counts;
}
