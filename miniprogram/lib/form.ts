/**
 * Form helpers shared by pages: the field errors of an INVALID_INPUT reply in plain Chinese, for showing under
 * each field (t-input `status="error"` + `tips`).
 */
import { type CloudReply, fieldErrors } from './cloud';

const CHINESE = /[\u4e00-\u9fff]/;

/** Shown for a field when neither the function nor the page has a plain message for it. */
export const GENERIC_FIELD_ERROR = '这一项填得不对，请检查一下';

/**
 * Field errors keyed by dotted path. The function's own message is used when it is written for people
 * (Chinese); otherwise the page's hint for that field (schema messages such as "Too big" are not).
 */
export function plainFieldErrors(
  reply: CloudReply<unknown>,
  hints: Record<string, string>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(reply))) {
    errors[field] = CHINESE.test(message) ? message : (hints[field] ?? GENERIC_FIELD_ERROR);
  }
  return errors;
}
