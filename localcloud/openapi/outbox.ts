/**
 * The outbox: every subscription message `subscribeMessage.send` accepted, for tests and page previews to
 * read instead of a phone. In memory, or as JSON lines in a file (one entry per line, appended) when a path
 * is given, so another process (the preview tool) can read what the local cloud sent.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The function invocation that sent a message, when the local cloud knows it. */
export interface OutboxSender {
  invocationId: string;
  functionName: string;
  openid?: string;
}

/** One sent subscription message, as WeChat would deliver it. */
export interface OutboxEntry {
  /** The msgid the send replied with. */
  msgid: number;
  /** ISO time it was sent. */
  time: string;
  touser: string;
  templateId: string;
  page?: string;
  /** Template fields, e.g. `{ thing1: { value: '社区义诊' } }`. */
  data: Record<string, { value: string }>;
  miniprogramState?: string;
  lang?: string;
  sentBy?: OutboxSender;
}

/** Narrows {@link Outbox.list}. */
export interface OutboxFilter {
  touser?: string;
  templateId?: string;
  functionName?: string;
  /** Only entries at or after this time. */
  since?: Date;
}

/** Records and lists sent subscription messages. */
export interface Outbox {
  /** Appends an entry and returns it. */
  record(entry: OutboxEntry): OutboxEntry;
  /** Entries in send order, optionally filtered. */
  list(filter?: OutboxFilter): OutboxEntry[];
  /** Forgets every entry (and empties the file). */
  clear(): void;
  /** The JSON-lines file, when persisted. */
  readonly filePath?: string;
}

const matches = (e: OutboxEntry, f: OutboxFilter): boolean =>
  (f.touser === undefined || e.touser === f.touser) &&
  (f.templateId === undefined || e.templateId === f.templateId) &&
  (f.functionName === undefined || e.sentBy?.functionName === f.functionName) &&
  (f.since === undefined || Date.parse(e.time) >= f.since.getTime());

/** Reads a JSON-lines outbox file (missing file: no entries). */
export function readOutboxFile(filePath: string): OutboxEntry[] {
  if (!existsSync(filePath)) return [];
  return readFileSync(filePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OutboxEntry);
}

/**
 * Creates an outbox; with `filePath` it persists as JSON lines there and lists from the file. `initial`: entries
 * an in-memory outbox starts with (a cloud started from a seeded folder keeps what the seed sent).
 */
export function createOutbox(filePath?: string, initial: OutboxEntry[] = []): Outbox {
  const memory: OutboxEntry[] = [...initial];
  if (filePath) mkdirSync(dirname(filePath), { recursive: true });
  return {
    filePath,
    record(entry) {
      if (filePath) appendFileSync(filePath, `${JSON.stringify(entry)}\n`);
      else memory.push(entry);
      return entry;
    },
    list(filter = {}) {
      // The file is the source of truth, so entries written by another process show up too.
      const all = filePath ? readOutboxFile(filePath) : memory;
      return all.filter((e) => matches(e, filter));
    },
    clear() {
      if (filePath) writeFileSync(filePath, '');
      memory.length = 0;
    },
  };
}
