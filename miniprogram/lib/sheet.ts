/**
 * 导出表格: an admin's list or statistics as a spreadsheet. The function writes the .xlsx and replies with a
 * short-lived link; here it is downloaded and opened in WeChat's document viewer, whose menu (showMenu) forwards
 * it to a chat or opens it in another app — how the file reaches the street office.
 */
import type { ActionResult } from './api';
import type { CloudReply } from './cloud';

/** What every export replies with (common/exports: the link, the file's name, its rows). */
export type ExportedSheet = ActionResult<'account', 'exportPeople'>;

/** What went wrong, in words for a toast; undefined when the file opened. */
export type SheetOutcome = string | undefined;

const FAILED = '表格没能打开，请稍后再试';

function download(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (r) => (r.statusCode === 200 ? resolve(r.tempFilePath) : reject(new Error(`${r.statusCode}`))),
      fail: reject,
    });
  });
}

/** Downloads the exported file and opens it (its menu can forward it); a refusal's message is returned as is. */
export async function openSheet(reply: CloudReply<ExportedSheet>): Promise<SheetOutcome> {
  if (!reply.ok) return reply.error.message;
  try {
    const filePath = await download(reply.data.url);
    await wx.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return undefined;
  } catch {
    return FAILED;
  }
}

/**
 * A page's 导出表格 tap: `exporting` in the page data shows the button busy and stops a second tap; a failure
 * shows as a toast.
 */
export async function exportSheet(
  page: { data: { exporting?: boolean }; setData(d: { exporting: boolean }): void },
  make: () => Promise<CloudReply<ExportedSheet>>,
): Promise<void> {
  if (page.data.exporting) return;
  page.setData({ exporting: true });
  const problem = await openSheet(await make());
  page.setData({ exporting: false });
  if (problem) wx.showToast({ title: problem, icon: 'none' });
}
