/**
 * Subscription messages (订阅消息). Sending can fail for reasons that must not undo the user's action (the
 * recipient used up their one-time consent, 43101): failures are logged and reported, never thrown. Every message
 * is also kept in the recipient's message centre (common/inbox), sent or not: one more write, beside the send
 * (messages to many people at once are kept in one write).
 */
import { cloud, db } from './cloud';
import { now } from './clock';
import { INBOX_MESSAGES, inboxText, type InboxDoc } from './inbox';
import { cleanText } from './text';

/** A message: template fields as WeChat expects them (`{ thing1: { value } }`). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** Template ids per deployment; set them in the function's environment (see README, deploy). */
export function templateId(name: string): string {
  return process.env[`MULIN_TEMPLATE_${name}`] ?? `local-${name.toLowerCase()}`;
}

/** WeChat's field limits: `thing` ≤ 20 characters (counted after cleaning, so invisible ones take no room). */
export function thing(text: string): { value: string } {
  const chars = [...cleanText(text, false)];
  return { value: chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : chars.join('') };
}

/** The message's fields as sent: every value cleaned, whatever text (new or stored before cleaning) it came from. */
function cleanFields(data: SubscribeMessage['data']): SubscribeMessage['data'] {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: cleanText(v.value, false) }]));
}

async function send(message: SubscribeMessage): Promise<boolean> {
  try {
    await cloud.openapi.subscribeMessage.send({
      ...message,
      data: cleanFields(message.data),
      miniprogramState: 'formal',
    });
    return true;
  } catch (err) {
    console.warn('subscribeMessage.send failed', (err as { errCode?: number }).errCode ?? err);
    return false;
  }
}

/** Messages kept in the same turn (a list of people told at once), written together in one round trip. */
let batch: { docs: Omit<InboxDoc, '_id'>[]; written: Promise<void> } | undefined;

function keep(message: SubscribeMessage, sent: boolean): Promise<void> {
  if (!batch) {
    const next = { docs: [] as Omit<InboxDoc, '_id'>[], written: Promise.resolve() };
    next.written = Promise.resolve().then(async () => {
      batch = undefined;
      try {
        await db.collection(INBOX_MESSAGES).add({ data: next.docs });
      } catch (err) {
        console.warn('inbox messages not kept', err);
      }
    });
    batch = next;
  }
  batch.docs.push({
    openid: message.touser,
    ...inboxText(message.data),
    page: message.page,
    sent,
    read: false,
    createdAt: now(),
  });
  return batch.written;
}

/**
 * Sends a message (unless `options.send` is false: they did not agree to this kind) and keeps it in their message
 * centre; resolves to whether it was sent. Proxy users (no WeChat) are skipped.
 */
export async function notify(message: SubscribeMessage, options: { send?: boolean } = {}): Promise<boolean> {
  if (!message.touser || message.touser.startsWith('proxy:')) return false;
  const willSend = options.send ?? true;
  const [sent] = await Promise.all([
    willSend ? send(message) : Promise.resolve(false),
    keep(message, willSend),
  ]);
  return sent;
}
