/**
 * Reads back the .xlsx files the functions' exports make (common/exports/xlsx): the sheet's rows as cells —
 * inline strings as text, numbers as numbers — after checking the parts a spreadsheet program needs are there.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import type { Cell } from '../../cloudfunctions/common/exports/xlsx';

const PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
];

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Column letters → index (A → 0, AA → 26). */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** The sheet of an .xlsx file: its name and rows (missing cells null; trailing empty rows kept as []). */
export async function readSheet(bytes: Uint8Array): Promise<{ name: string; rows: Cell[][] }> {
  const zip = await JSZip.loadAsync(bytes);
  for (const part of PARTS) if (!zip.file(part)) throw new Error(`xlsx without ${part}`);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const name = unescape(/<sheet name="([^"]*)"/.exec(workbook)?.[1] ?? '');
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const rows: Cell[][] = [];
  for (const row of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const cells: Cell[] = [];
    for (const c of row[2]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/g)) {
      const at = columnIndex(c[1]!);
      while (cells.length < at) cells.push(null);
      cells[at] = c[2]!.includes('t="inlineStr"')
        ? unescape(/<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3]!)?.[1] ?? '')
        : Number(/<v>(.*?)<\/v>/.exec(c[3]!)?.[1]);
    }
    rows[Number(row[1]) - 1] = cells;
  }
  return { name, rows: Array.from(rows, (r) => r ?? []) };
}

/** Downloads an export's temp link and reads its sheet. */
export async function downloadSheet(url: string): Promise<{ name: string; rows: Cell[][] }> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`download ${res.status}`);
  return readSheet(new Uint8Array(await res.arrayBuffer()));
}

/** The table under the header block: the rows after the column headers (the row starting with `firstColumn`). */
export function tableOf(rows: Cell[][], firstColumn: string): { columns: Cell[]; body: Cell[][] } {
  const at = rows.findIndex((r) => r[0] === firstColumn);
  if (at < 0) throw new Error(`no column headers starting ${firstColumn}`);
  return { columns: rows[at]!, body: rows.slice(at + 1) };
}

/** The header block's value for a label (`统计时段`, `人数`…). */
export function factOf(rows: Cell[][], label: string): Cell | undefined {
  return rows.find((r) => r[0] === label)?.[1];
}

/** Paths (under the storage root) of every file exports wrote to a local cloud's storage. */
export function exportFiles(storageRoot: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else found.push(relative(storageRoot, p));
    }
  };
  walk(storageRoot);
  return found.filter((p) => p.includes('exports/'));
}
