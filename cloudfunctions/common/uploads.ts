/**
 * Files pages upload for a capability go to `<folder>/<user id>/…` in cloud storage (e.g. `rooms/<id>/…jpg`), so a
 * function can accept only the caller's own uploads: a file id naming someone else's file (another person's
 * avatar, a receipt) is refused rather than shown to everyone.
 */
import { invalid } from './errors';

/** The cloud path of a `cloud://<env>.<bucket>/<path>` file id (undefined for anything else). */
export function cloudPathOf(fileId: string): string | undefined {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return m?.[1];
}

/** Whether a file id is one the user uploaded into the capability's folder. */
export function isOwnUpload(fileId: string, folder: string, userId: string): boolean {
  const path = cloudPathOf(fileId);
  return path !== undefined && path.startsWith(`${folder}/${userId}/`) && !path.includes('..');
}

/** Refuses file ids that are neither the caller's own uploads nor already `kept` (INVALID_INPUT at `field`). */
export function requireOwnUploads(
  fileIds: readonly string[],
  opts: { folder: string; userId: string; kept?: readonly string[]; field: string },
): void {
  const kept = new Set(opts.kept ?? []);
  const bad = fileIds.findIndex((f) => !kept.has(f) && !isOwnUpload(f, opts.folder, opts.userId));
  if (bad >= 0)
    throw invalid('照片要从本机上传', [{ path: `${opts.field}.${bad}`, message: 'not own upload' }]);
}
