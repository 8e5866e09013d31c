/**
 * Timer `privacyChores` (every hour, Beijing): carries out account deletions whose cooling-off is over, and deletes
 * the files of exports that expired. Returns counts only.
 */
import { dropExpiredExports, eraseDue } from '../steps/erasure';

/** One run. */
export async function privacyChores(now: Date): Promise<{ erased: number; exportsDropped: number }> {
  const erased = await eraseDue(now);
  const exportsDropped = await dropExpiredExports(now);
  return { erased: erased.people, exportsDropped };
}
