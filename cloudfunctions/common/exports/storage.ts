/**
 * Files functions make for someone to download (a person's data export, an admin's spreadsheet): saved to cloud
 * storage, handed out as short-lived temp links. Storage requests are not database round trips.
 */
import { randomBytes } from 'node:crypto';
import { _, cloud, db } from '../cloud';
import { rows } from '../db';
import { reportSheet, type Report } from './report';
import { xlsxFile } from './xlsx';

/** How long an admin's spreadsheet link works: long enough to download and open it, not to pass around. */
export const SHEET_LINK_MINUTES = 10;

/**
 * Spreadsheets of people (an admin's people list) are recorded here so the account `privacyChores` timer deletes
 * the file once its link has expired (an hour later): personal data does not outlive the download.
 */
export const SHEET_FILES = 'sheet_files';
/** How long a recorded spreadsheet is kept in storage. */
export const SHEET_KEPT_MINUTES = 60;

/** A recorded spreadsheet file. */
export interface SheetFileDoc {
  _id: string;
  fileId: string;
  capability: string;
  /** The admin who made it. */
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** An exported spreadsheet, as the page gets it. */
export interface ExportedSheet {
  /** Temp download link (works {@link SHEET_LINK_MINUTES} minutes). */
  url: string;
  /** `人员名单_禄口街道_2026年6月1日.xlsx` */
  fileName: string;
  /** Table rows in the file (the header block not counted). */
  rows: number;
  linkMinutes: number;
}

/** A folder nobody can guess (nothing in its name says whose files these are). */
export function randomFolder(): string {
  return randomBytes(16).toString('hex');
}

/** Saves the files (at once) and returns their file ids, in order. */
export async function saveFiles(
  files: readonly { cloudPath: string; content: Buffer | string }[],
): Promise<string[]> {
  const saved = (await Promise.all(
    files.map((f) => cloud.uploadFile({ cloudPath: f.cloudPath, fileContent: Buffer.from(f.content) })),
  )) as { fileID: string }[];
  return saved.map((s) => s.fileID);
}

/** Temp download links of saved files, working for `minutes`, in order ('' for one storage did not find). */
export async function tempLinks(fileIds: readonly string[], minutes: number): Promise<string[]> {
  const maxAge = minutes * 60;
  const links = (await cloud.getTempFileURL({
    fileList: fileIds.map((fileID) => ({ fileID, maxAge })),
  })) as { fileList: { tempFileURL: string }[] };
  return fileIds.map((_, i) => links.fileList[i]?.tempFileURL ?? '');
}

// Characters a file name (and a storage path) should not carry.
const cleanName = (s: string) => s.replace(/[\s/\\?#%*:|"<>]/g, '');

/**
 * Writes a report as .xlsx under the admin's own folder, `exports/<capability>/<user id>/<random>/<name>.xlsx`,
 * and returns a short-lived link to it.
 */
export async function publishReport(
  report: Report,
  where: { capability: string; userId: string },
  /** `now` when the file holds people: it is recorded and deleted after {@link SHEET_KEPT_MINUTES} (one round trip). */
  people?: { now: Date },
): Promise<ExportedSheet> {
  const sheet = reportSheet(report);
  const fileName = `${cleanName(sheet.fileName)}.xlsx`;
  const [fileId] = await saveFiles([
    {
      cloudPath: `exports/${where.capability}/${where.userId}/${randomFolder()}/${fileName}`,
      content: await xlsxFile(sheet),
    },
  ]);
  const [[url]] = await Promise.all([
    tempLinks([fileId!], SHEET_LINK_MINUTES),
    people ? recordSheet(fileId!, where, people.now) : undefined,
  ]);
  return { url: url ?? '', fileName, rows: report.rows.length, linkMinutes: SHEET_LINK_MINUTES };
}

async function recordSheet(fileId: string, where: { capability: string; userId: string }, now: Date) {
  const doc: SheetFileDoc = {
    _id: randomFolder(),
    fileId,
    ...where,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SHEET_KEPT_MINUTES * 60_000),
  };
  await db.collection(SHEET_FILES).add({ data: doc });
}

/**
 * Deletes the records of `collection` whose `expiresAt` has passed, with their files (up to 100 a run: the files in
 * one request, the records in one); returns how many. The data exports and the people spreadsheets both use it.
 */
export async function dropExpiredFiles<D extends { _id: string; expiresAt: Date }>(
  collection: string,
  filesOf: (doc: D) => string[],
  now: Date,
): Promise<number> {
  const old = rows<D>(
    await db
      .collection(collection)
      .where({ expiresAt: _.lte(now) })
      .limit(100)
      .get(),
  );
  if (old.length === 0) return 0;
  await cloud.deleteFile({ fileList: old.flatMap(filesOf) });
  await db
    .collection(collection)
    .where({ _id: _.in(old.map((d) => d._id)) })
    .remove();
  return old.length;
}

/** Deletes the recorded spreadsheets whose hour is over; returns how many. */
export const dropExpiredSheets = (now: Date): Promise<number> =>
  dropExpiredFiles<SheetFileDoc>(SHEET_FILES, (d) => [d.fileId], now);
