/**
 * Text content security (WeChat's msgSecCheck v2) before anyone else sees what a user wrote. `risky` is refused;
 * `review` (WeChat is unsure) is let through but reported, so capabilities can hold it back from public lists
 * until an admin has looked. If the check itself is unavailable we refuse rather than publish unchecked text.
 */
import { cloud } from './cloud';
import { early } from './concurrency';
import { AppError, contentRejected } from './errors';

/** The verdict for text that may be stored. */
export type Moderation = 'pass' | 'review';

/** Scenes of msgSecCheck v2: 1 profile, 2 comment, 3 forum post, 4 social log. */
export type CheckScene = 1 | 2 | 3 | 4;

/** Checks every non-empty text (in one call); throws CONTENT_REJECTED for risky content. */
export async function checkText(
  openid: string,
  texts: (string | undefined)[],
  scene: CheckScene = 3,
): Promise<Moderation> {
  const content = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join('\n');
  if (content === '') return 'pass';
  let suggest: unknown;
  try {
    const res = (await cloud.openapi.security.msgSecCheck({ content, version: 2, scene, openid })) as {
      result?: { suggest?: string };
    };
    suggest = res.result?.suggest;
  } catch (err) {
    // v1-style refusals arrive as errcode 87014; anything else means the check could not run.
    if ((err as { errCode?: number }).errCode === 87014) throw contentRejected();
    console.error('msgSecCheck failed', err);
    throw new AppError('INTERNAL', '内容安全检查暂时不可用，请稍后再试');
  }
  if (suggest === 'risky') throw contentRejected();
  return suggest === 'review' ? 'review' : 'pass';
}

/**
 * Starts {@link checkText} at once and hands back its verdict to await later: the check needs only the input, so
 * its round trip runs beside the action's own read instead of after it (at 20 ms a trip on CloudBase, one trip
 * less to wait for). Await it where the check used to be, so a refusal found by the read still comes first.
 */
export function checkTextEarly(
  openid: string,
  texts: (string | undefined)[],
  scene: CheckScene = 3,
): () => Promise<Moderation> {
  return early(checkText(openid, texts, scene));
}
