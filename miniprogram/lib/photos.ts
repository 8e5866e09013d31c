/**
 * Picking photos and putting them in cloud storage under `<folder>/<user id>/…`, where a function can tell the
 * caller's own uploads (cloudfunctions/common/uploads.ts). Compressed by WeChat on the way; one failed upload
 * leaves the others.
 */
import { ensureSession } from './session';

/** What came of a pick: the file ids uploaded, and whether any photo failed (the page says so). */
export interface PickedPhotos {
  fileIds: string[];
  failed: boolean;
}

/** Lets the user pick up to `max` photos and uploads them; nothing when they back out or are not logged in. */
export async function pickPhotos(folder: string, max: number): Promise<PickedPhotos> {
  if (max <= 0) return { fileIds: [], failed: false };
  let paths: string[];
  try {
    const res = await wx.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'] });
    paths = res.tempFiles.map((f) => f.tempFilePath);
  } catch {
    return { fileIds: [], failed: false }; // Backed out of the picker.
  }
  const session = await ensureSession();
  if (!session.ok) return { fileIds: [], failed: true };
  const fileIds: string[] = [];
  let failed = false;
  for (const [k, filePath] of paths.entries()) {
    try {
      const up = await wx.cloud.uploadFile({
        cloudPath: `${folder}/${session.me.id}/${Date.now()}-${k}.jpg`,
        filePath,
      });
      fileIds.push(up.fileID);
    } catch {
      failed = true;
    }
  }
  return { fileIds, failed };
}
