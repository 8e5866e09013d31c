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
 * How each collection's documents naming the person are joined: `names` are the joins holding them (their
 * documents, possibly found twice, are merged by `foundDocs`).
 */
export interface PersonalJoins {
  joins: Join[];
  names: Record<string, string[]>;
}

/** The aggregation expression listing `field` of every document a collection's joins found. */
function fieldOfAll(names: readonly string[], field: string): unknown {
  return names.length === 1
    ? `$${names[0]}.${field}`
    : _.aggregate.concatArrays(names.map((n) => `$${n}.${field}`));
}

/** The `via` joins (documents found through the person's own documents), after the direct ones. */
function viaJoins(names: Record<string, string[]>): Join[] {
  return Object.entries(PERSONAL_DATA).flatMap(([c, e]): Join[] => {
    if (!e.via) return [];
    names[c] = [...(names[c] ?? []), viaName(c)];
    return [
      { set: { [`${viaName(c)}_ids`]: fieldOfAll(names[e.via.from] ?? [], e.via.field) } },
      { as: viaName(c), from: c, localField: `${viaName(c)}_ids`, foreignField: '_id' },
    ];
  });
}

/**
 * Joins reading every collection's documents naming a person whose id and openid are known (an elder an admin acts
 * for): one filter per collection, any of its owner or actor fields.
 */
export function personalJoins(p: Person): PersonalJoins {
  const names: Record<string, string[]> = {};
  const direct: Join[] = personalCollections().map((c) => {
    names[c] = [c];
    return { as: c, from: c, match: queryFor(c, p), limit: PER_COLLECTION };
  });
  return { joins: [...direct, ...viaJoins(names)], names };
}

/**
 * The same joins for the caller, in the aggregation rooted at their own user record (whose id is not known before
 * it is read): fields holding an openid are matched by the caller's openid; each field holding a user id is an
 * equality join on the record's `_id`, the form an index on that field serves.
 */
export function callerJoins(openid: string): PersonalJoins {
  // Stands for the caller's user id while the joins are built: each field holding it becomes an equality join.
  const USER_ID = '$_id';
  const names: Record<string, string[]> = {};
  const direct: Join[] = personalCollections().flatMap((c) => {
    const matches = matchesFor(PERSONAL_DATA[c]!, { userId: USER_ID, openid });
    const byOpenid = matches.filter((m) => m.value === openid);
    const joins: Join[] = [];
    if (byOpenid.length > 0) {
      const match = _.or(byOpenid.map((m) => ({ [m.field]: openid }))) as unknown as Record<string, unknown>;
      joins.push({ as: c, from: c, match, limit: PER_COLLECTION });
    }
    for (const m of matches.filter((x) => x.value === USER_ID))
      joins.push({ as: `${c}__${joins.length}`, from: c, localField: '_id', foreignField: m.field });
    names[c] = joins.map((j) => (j as { as: string }).as);
    return joins;
  });
  // A document naming them in two fields is found twice: one set of each collection's documents is sent back.
  const once: Record<string, unknown> = {};
  for (const [c, list] of Object.entries(names)) {
    if (list.length < 2) continue;
    once[c] = _.aggregate.setUnion(list.map((n) => `$${n}`));
    for (const n of list) if (n !== c) once[n] = _.aggregate.literal([]);
    names[c] = [c];
  }
  return { joins: [...direct, { set: once }, ...viaJoins(names)], names };
}

/** Each collection's documents naming the person (directly or through their own documents), once each. */
export function foundDocs(docs: JoinedDocs, names: Record<string, string[]>): Record<string, Doc[]> {
  return Object.fromEntries(
    personalCollections().map((c) => {
      const byId = new Map<string, Doc>();
      for (const n of names[c] ?? []) for (const d of docs.all<Doc>(n)) byId.set(d._id, d);
      return [c, [...byId.values()]];
    }),
  );
}

/**
 * The caller and, in the same aggregation, a target user (`targetUserId`: an elder an admin acts for) and every
 * collection's documents naming the person whose data it is (the caller, or the target). One round trip. `extra`
 * gets the joins' names, to join from what they found.
 */
export async function readPersonalData(
  ctx: ActionContext,
  targetUserId: string | undefined,
  extra: (names: Record<string, string[]>) => Join[] = () => [],
): Promise<{ caller: UserDoc; target?: UserDoc; found: Record<string, Doc[]>; docs: JoinedDocs }> {
  if (!targetUserId) {
    const { joins, names } = callerJoins(ctx.openid);
    const r = await readWithCaller(ctx, [...joins, ...extra(names)]);
    return { caller: r.caller, found: foundDocs(r, names), docs: r };
  }
  // A proxy elder's openid is made from their id at registration (`proxy:<id>`), so the joins need no first read.
  const { joins, names } = personalJoins({ userId: targetUserId, openid: `proxy:${targetUserId}` });
  const r = await readWithCaller(ctx, [
    { as: 'target', from: USERS, match: { _id: targetUserId }, limit: 1 },
    ...joins,
    ...extra(names),
  ]);
  return { caller: r.caller, target: r.one<UserDoc>('target'), found: foundDocs(r, names), docs: r };
}

/** Joins of the rounds the person voted in (after the ballots' join), for their titles. */
export const VOTE_ROUNDS = (names: Record<string, string[]>): Join[] => [
  { set: { voteRoundIds: fieldOfAll(names.proposal_ballots ?? [], 'roundId') } },
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
