/**
 * Subscription messages (订阅消息). Sending can fail for reasons that must not undo the user's action (the
 * recipient used up their one-time consent, 43101): failures are logged and reported, never thrown.
 */
import { cloud } from './cloud';
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

/** Sends a message; resolves to whether it was accepted. Proxy users (no WeChat) are skipped. */
export async function notify(message: SubscribeMessage): Promise<boolean> {
  if (!message.touser || message.touser.startsWith('proxy:')) return false;
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
