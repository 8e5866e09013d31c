/**
 * Content checks before anyone else sees what a resident wrote or uploaded: text through common/contentCheck
 * (msgSecCheck v2), photos through the open API's image check (imgSecCheck on the file's bytes). Only photos not
 * checked before are sent. A risky photo refuses the whole save; nothing is written.
 */
import { cloud } from '../../common/cloud';
import { checkText, type Moderation } from '../../common/contentCheck';
import { AppError, contentRejected, invalid } from '../../common/errors';

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

/** Checks texts (one call) and new photos; resolves to the text verdict. */
export async function checkContent(
  openid: string,
  texts: (string | undefined)[],
  photos: { now: readonly string[]; before: readonly string[]; field: string }[] = [],
): Promise<Moderation> {
  const [verdict] = await Promise.all([
    checkText(openid, texts, 3),
    ...photos.map((p) => checkNewPhotos(p.now, p.before, p.field)),
  ]);
  return verdict;
}
