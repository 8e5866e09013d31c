/**
 * A person's data across every collection, driven by the registry (common/personalData): which fields find their
 * documents, what their export shows of each, and what deletion turns each into. Pure: documents in, documents or
 * plans out; the account function's steps do the reads and writes.
 */
import { ERASED_NAME, PERSONAL_DATA, type PersonalDataEntry } from '../../common/personalData';

type Doc = Record<string, unknown> & { _id: string };

/** Who a person is, as records name them. */
export interface Person {
  userId: string;
  openid: string;
  realName?: string;
  phone?: string;
  nickname?: string;
}

/** One field = value condition (a dotted path reaches into arrays, as the database matches it). */
export interface FieldMatch {
  field: string;
  value: string;
}

/** The conditions that find a person's documents in one collection (owners and actors alike). */
export function matchesFor(entry: PersonalDataEntry, p: Person): FieldMatch[] {
  return [
    ...entry.owners.map((o) => ({ field: o.field, value: o.openid ? p.openid : p.userId })),
    ...entry.actors.map((field) => ({ field, value: p.userId })),
    ...(entry.actorOpenids ?? []).map((field) => ({ field, value: p.openid })),
  ];
}

/** The values at a dotted path, through arrays. */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      const items = Array.isArray(v) ? v : [v];
      for (const item of items)
        if (item && typeof item === 'object' && key in item)
          next.push((item as Record<string, unknown>)[key]);
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

const hasValue = (doc: unknown, m: FieldMatch) => valuesAt(doc, m.field).includes(m.value);

/** Whether the person owns the document (one of its owner fields names them). */
export function ownedBy(entry: PersonalDataEntry, doc: Doc, p: Person): boolean {
  return entry.owners.some((o) => hasValue(doc, { field: o.field, value: o.openid ? p.openid : p.userId }));
}

/** One collection's part of an export. */
export interface ExportSection {
  collection: string;
  title: string;
  why: string;
  /** Their own records (what concerns other people left out). */
  records: Record<string, unknown>[];
  /** Records of others they acted on: only which record and in what role. */
  actedOn: { id: string; as: string[] }[];
}

/** What the export shows of a document: its own fields, other owners' personal fields removed. */
function exportRecord(entry: PersonalDataEntry, doc: Doc, p: Person): Record<string, unknown> {
  const mine = entry.owners.filter((o) =>
    hasValue(doc, { field: o.field, value: o.openid ? p.openid : p.userId }),
  );
  const show = mine.find((o) => o.show)?.show;
  if (show) return Object.fromEntries(show.filter((k) => k in doc).map((k) => [k, doc[k]]));
  const others = entry.owners.filter((o) => !mine.includes(o)).flatMap((o) => o.personal ?? []);
  const out: Record<string, unknown> = { ...doc };
  for (const k of others) delete out[k];
  return out;
}

/** The export's sections: one per collection where the person appears (in the registry's order). */
export function exportSections(found: Record<string, Doc[]>, p: Person): ExportSection[] {
  const sections: ExportSection[] = [];
  for (const [collection, entry] of Object.entries(PERSONAL_DATA)) {
    const docs = found[collection] ?? [];
    if (docs.length === 0) continue;
    const section: ExportSection = {
      collection,
      title: entry.title,
      why: entry.why,
      records: [],
      actedOn: [],
    };
    for (const doc of docs) {
      if (ownedBy(entry, doc, p)) {
        section.records.push(exportRecord(entry, doc, p));
        continue;
      }
      const as = [...entry.actors, ...(entry.actorOpenids ?? [])].filter(
        (field) => valuesAt(doc, field).includes(p.userId) || valuesAt(doc, field).includes(p.openid),
      );
      if (as.length > 0) section.actedOn.push({ id: doc._id, as });
      else if (entry.via) {
        // Found through their own records (a room they booked): what it is, not who else uses it.
        const show = entry.via.show.filter((k) => k in doc);
        section.records.push(Object.fromEntries(show.map((k) => [k, doc[k]])));
      }
    }
    sections.push(section);
  }
  return sections;
}

/** What deletion does to one document. */
export type ErasePlan =
  | { kind: 'delete' }
  | { kind: 'rewrite'; doc: Doc; /** The old id, when the id itself named the person. */ replaces?: string }
  | { kind: 'none' };

/** The pseudonyms that replace the person's id and openid (random, never stored beside the originals). */
export interface Pseudonyms {
  id: string;
  openid: string;
}

/** Replaces the person's identifiers in any string of a value (deep). */
function scrub(value: unknown, p: Person, ps: Pseudonyms): unknown {
  if (typeof value === 'string') {
    if (value === p.openid) return ps.openid;
    if (value === p.userId) return ps.id;
    if (p.phone && value === p.phone) return '';
    if (p.realName && value === p.realName) return ERASED_NAME;
    if (p.nickname && p.nickname !== '微信用户' && value === p.nickname) return ERASED_NAME;
    // An id inside a composed key (`<userId>@2026-12`); a stored file's path is left alone (it names a file).
    if (!value.startsWith('cloud://') && value.includes(p.userId)) return value.split(p.userId).join(ps.id);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, p, ps));
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  // Keys too: a room counts each person's minutes under their id.
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k === p.userId ? ps.id : k, scrub(v, p, ps)]),
  );
}

/** What deletion does to a document found for the person in `collection`. */
export function erasePlan(collection: string, doc: Doc, p: Person, ps: Pseudonyms): ErasePlan {
  const entry = PERSONAL_DATA[collection];
  if (!entry) return { kind: 'none' };
  const owned = ownedBy(entry, doc, p);
  if (owned && entry.treatment === 'erase') return { kind: 'delete' };
  const next = scrub(doc, p, ps) as Doc;
  if (owned)
    for (const o of entry.owners) {
      if (!hasValue(doc, { field: o.field, value: o.openid ? p.openid : p.userId })) continue;
      for (const k of o.personal ?? []) {
        if (!(k in next)) continue;
        if (/name|label/i.test(k) && typeof next[k] === 'string') next[k] = ERASED_NAME;
        else delete next[k];
      }
    }
  if (JSON.stringify(next) === JSON.stringify(doc)) return { kind: 'none' };
  return next._id === doc._id
    ? { kind: 'rewrite', doc: next }
    : { kind: 'rewrite', doc: next, replaces: doc._id };
}
