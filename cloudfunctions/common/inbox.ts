/**
 * The message centre's record (消息中心): every subscription message a person was sent — or would have been sent,
 * had they agreed to messages — is kept for them here, keyed by their openid, with the page it opens. `notify`
 * (common/notify) writes it; the account function lists it, counts the unread and marks them read.
 */
import { dateTimeKeyText } from '../../miniprogram/shared/calendar';
import { cleanText } from './text';

/** The collection (database.json; personal data, erased with the account). */
export const INBOX_MESSAGES = 'inbox_messages';

/** One message as kept. */
export interface InboxDoc {
  _id: string;
  /** The recipient. */
  openid: string;
  title: string;
  /** The other fields of the message, in order, as plain text. */
  lines: string[];
  /** The mini program page it opens (no leading slash, as the template's `page`). */
  page: string;
  /** Whether a subscription message was sent too (they may not have agreed to this kind). */
  sent: boolean;
  read: boolean;
  createdAt: Date;
  readAt?: Date;
}

/** A template field's value as a person reads it: picker times in words, hours in 小时. */
function plainValue(key: string, value: string): string {
  if (key.startsWith('time')) return dateTimeKeyText(value);
  if (key.startsWith('character_string')) return value.replace(/h$/, ' 小时');
  return value;
}

/** The title and lines of a message from its template fields (the first field is the title). */
export function inboxText(data: Record<string, { value: string }>): { title: string; lines: string[] } {
  const values = Object.entries(data)
    .map(([k, v]) => cleanText(plainValue(k, v.value), false))
    .filter((v) => v !== '');
  return { title: values[0] ?? '新消息', lines: values.slice(1) };
}
