/**
 * A page's 导出表格, as page tests check it: tap the button, wait for WeChat's viewer to open, and hold the calls
 * to what happened — the export action called (its input), the very link it returned downloaded, the download
 * opened as xlsx with the forward menu — then read back the file that was opened.
 */
import { cloudCalls, tap, tempFile, waitFor, wxCalls, type LoadedPage } from '../../../simulator/page';
import { readSheet } from '../xlsx';
import type { Cell } from '../../../cloudfunctions/common/exports/xlsx';

/** Taps `#export` and returns the export's input, its reply data and the rows of the file opened. */
export async function tapExport(
  page: LoadedPage,
  action: string,
): Promise<{ input: unknown; data: { url: string; rows: number }; rows: Cell[][] }> {
  await tap(page, '#export');
  const opened = await waitFor(() => wxCalls('openDocument')[0]);
  const exported = cloudCalls().find((c) => (c.data as { action: string }).action === action);
  const reply = exported?.result as { ok: boolean; data: { url: string; rows: number } };
  expect(reply.ok).toBe(true);
  expect(wxCalls('downloadFile').map((c) => c.args)).toEqual([{ url: reply.data.url }]);
  const args = opened.args as { filePath: string };
  expect(args).toMatchObject({ fileType: 'xlsx', showMenu: true });
  const sheet = await readSheet(tempFile(args.filePath)!);
  await waitFor(() => page.data.exporting === false);
  expect(wxCalls('showToast')).toEqual([]);
  return { input: exported?.data, data: reply.data, rows: sheet.rows };
}
