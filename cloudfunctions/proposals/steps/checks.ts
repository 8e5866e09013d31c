/**
 * Content checks before anyone else sees what a resident wrote or uploaded: text through common/contentCheck
 * (msgSecCheck v2), photos through the open API's image check (imgSecCheck on the file's bytes). Only photos not
 * checked before are sent. A risky photo refuses the whole save; nothing is written.
 */
import { checkText, type Moderation } from '../../common/contentCheck';
import { checkNewPhotos } from '../../common/imageCheck';

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
