/**
 * Files functions make for someone to download (a person's data export, an admin's spreadsheet): saved to cloud
 * storage, handed out as short-lived temp links. Storage requests are not database round trips.
 */
import { randomBytes } from 'node:crypto';
import { cloud } from '../cloud';
import { reportSheet, type Report } from './report';
import { xlsxFile } from './xlsx';

/** How long an admin's spreadsheet link works: long enough to download and open it, not to pass around. */
export const SHEET_LINK_MINUTES = 10;

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
): Promise<ExportedSheet> {
  const sheet = reportSheet(report);
  const fileName = `${cleanName(sheet.fileName)}.xlsx`;
  const [fileId] = await saveFiles([
    {
      cloudPath: `exports/${where.capability}/${where.userId}/${randomFolder()}/${fileName}`,
      content: await xlsxFile(sheet),
    },
  ]);
  const [url] = await tempLinks([fileId!], SHEET_LINK_MINUTES);
  return { url: url ?? '', fileName, rows: report.rows.length, linkMinutes: SHEET_LINK_MINUTES };
}
