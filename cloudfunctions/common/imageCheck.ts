/**
 * Image content security before anyone else sees a photo a person uploaded: the file's bytes through the open
 * API's image check (imgSecCheck). Only photos not checked before are sent; a risky one refuses the whole save.
 * Shared by every capability that shows people's photos (proposals, reports).
 */
import { cloud } from './cloud';
import { early } from './concurrency';
import { AppError, contentRejected, invalid } from './errors';

const TYPES: Record<string, string> = { png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

function contentTypeOf(fileId: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileId)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'image/jpeg';
}

/** Checks one photo; throws CONTENT_REJECTED if risky, INVALID_INPUT if it cannot be read. */
async function checkImage(fileId: string, path: string): Promise<void> {
  let bytes: Buffer;
  try {
    const res = (await cloud.downloadFile({ fileID: fileId })) as { fileContent: Buffer };
    bytes = res.fileContent;
  } catch {
    throw invalid('照片没有上传成功，请重新选择', [{ path, message: 'file not found' }]);
  }
  try {
    await cloud.openapi.security.imgSecCheck({ media: { contentType: contentTypeOf(fileId), value: bytes } });
  } catch (err) {
    if ((err as { errCode?: number }).errCode === 87014)
      throw contentRejected('照片未通过安全检查，请换一张');
    console.error('imgSecCheck failed', err);
    throw new AppError('INTERNAL', '图片安全检查暂时不可用，请稍后再试');
  }
}

/** Checks the photos in `photos` that are not in `alreadyChecked`; `field` names them in errors. */
export async function checkNewPhotos(
  photos: readonly string[],
  alreadyChecked: readonly string[],
  field: string,
): Promise<void> {
  const fresh = photos.map((p, i) => [p, i] as const).filter(([p]) => !alreadyChecked.includes(p));
  await Promise.all(fresh.map(([p, i]) => checkImage(p, `${field}.${i}`)));
}

/**
 * Starts checking new photos at once (all of them: none was checked before) and hands back the verdict to await
 * later, as `checkTextEarly` does for text: the file's download and the check run beside the action's own read.
 * Await it after the owner check (`requireOwnUploads`), so someone else's file is refused as such first.
 */
export function checkPhotosEarly(photos: readonly string[], field: string): () => Promise<void> {
  return early(checkNewPhotos(photos, [], field));
}
