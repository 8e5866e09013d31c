/**
 * The account function's own collections beyond the shared directory (common/directory): personal-data exports
 * and pending account deletions (PIPL arts. 45 and 47). Pure types and names.
 */

/** Exports: the files of one export of a person's data, opened once through `openExport`. */
export const EXPORTS = 'account_exports';
/** Deletions waiting out their cooling-off period; `_id` is the user id (one pending deletion per person). */
export const ERASURES = 'account_erasures';

/** How an elder without WeChat agreed to what an admin does for them. */
export interface ProxyConsent {
  method: 'written' | 'verbal';
  note: string;
  recordedBy: string;
  recordedAt: Date;
}

/** One export. */
export interface ExportDoc {
  _id: string;
  /** Whose data. */
  userId: string;
  /** Who asked (the person, or the admin acting for an elder without WeChat) — the only one who may open it. */
  requestedBy: string;
  consent?: ProxyConsent;
  files: { json: string; html: string };
  records: number;
  createdAt: Date;
  /** After this the link no longer opens and the files are deleted. */
  expiresAt: Date;
  /** Set when the link is opened: it opens once. */
  openedAt?: Date;
}

/** A pending deletion. */
export interface ErasureDoc {
  _id: string;
  requestedBy: string;
  requestedAt: Date;
  /** When the timer deletes the data, unless cancelled (logging in cancels it). */
  dueAt: Date;
  consent?: ProxyConsent;
}
