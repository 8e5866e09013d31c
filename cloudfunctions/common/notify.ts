/**
 * Subscription messages (订阅消息). Sending can fail for reasons that must not undo the user's action (the
 * recipient used up their one-time consent, 43101): failures are logged and reported, never thrown.
 */
import { cloud } from './cloud';

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

/** WeChat's field limits: `thing` ≤ 20 characters. */
export function thing(text: string): { value: string } {
  const chars = [...text];
  return { value: chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : text };
}

/** Sends a message; resolves to whether it was accepted. Proxy users (no WeChat) are skipped. */
export async function notify(message: SubscribeMessage): Promise<boolean> {
  if (!message.touser || message.touser.startsWith('proxy:')) return false;
  try {
    await cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal' });
    return true;
  } catch (err) {
    console.warn('subscribeMessage.send failed', (err as { errCode?: number }).errCode ?? err);
    return false;
  }
}
