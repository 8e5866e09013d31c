/**
 * Form helpers shared by pages: the field errors of an INVALID_INPUT reply in plain Chinese, for showing under
 * each field (t-input `status="error"` + `tips`).
 */
import type { CloudReply } from './cloud';

const CHINESE = /[\u4e00-\u9fff]/;

/** Shown for a field when neither the function nor the page has a plain message for it. */
export const GENERIC_FIELD_ERROR = '这一项填得不对，请检查一下';

/**
 * Field errors keyed by dotted path (the first issue of each field); `{}` for any other reply. The function's
 * message is used, unless it is only a rule's general wording ("最多 20 个字", marked `generic`) and the page
 * has a hint of its own for that field ("昵称请填 1 到 20 个字"): the page knows the field and its reader best.
 */
export function plainFieldErrors(
  reply: CloudReply<unknown>,
  hints: Record<string, string>,
): Record<string, string> {
  if (reply.ok || reply.error.code !== 'INVALID_INPUT') return {};
  const errors: Record<string, string> = {};
  for (const issue of reply.error.issues ?? []) {
    if (issue.path in errors) continue;
    const hint = hints[issue.path];
    if (issue.generic && hint) errors[issue.path] = hint;
    else errors[issue.path] = CHINESE.test(issue.message) ? issue.message : (hint ?? GENERIC_FIELD_ERROR);
  }
  return errors;
}
