/**
 * CSV for the service record export, as Excel and WPS open it on a Chinese Windows desktop: UTF-8 with a BOM,
 * CRLF line ends, fields quoted when needed, and cells that would run as formulas defused.
 */

function cell(value: string | number): string {
  let s = String(value);
  // A cell starting with = + - @ (or a tab/CR) is run as a formula by spreadsheets (CSV injection).
  if (/^[=+\-@\t\r]/.test(s) && typeof value !== 'number') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of a header row and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
