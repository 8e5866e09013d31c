/**
 * The rotating check-in code the organizer's screen shows as a QR: an HMAC of the activity id and the 30-second
 * window, so a photo of the code passed around stops working within a minute and a code cannot be made without the
 * server's secret. The secret is a deploy-time setting (MULIN_CHECKIN_SECRET); there is deliberately no default.
 *
 * Format: `MLV1.<activityId>.<window in base 36>.<16 base64url characters of HMAC-SHA256>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long one code is shown. */
export const CODE_WINDOW_MS = 30_000;
/** A code is accepted in its own window and the next one (a scan at second 29 reaches the server after rotation). */
export const CODE_GRACE_WINDOWS = 1;
/** The shortest secret accepted (bytes of text). */
export const MIN_SECRET_LENGTH = 16;

const PREFIX = 'MLV1';
const MAC_CHARS = 16;

/** Why a scanned code was refused. */
export type CodeRefusal = 'malformed' | 'foreign' | 'forged' | 'expired';

/** The window an instant falls in. */
export function codeWindow(at: Date): number {
  return Math.floor(at.getTime() / CODE_WINDOW_MS);
}

/** The secret from the environment, or undefined when it is missing or too short to be one. */
export function usableSecret(value: string | undefined): string | undefined {
  return value !== undefined && value.length >= MIN_SECRET_LENGTH ? value : undefined;
}

function mac(secret: string, activityId: string, window: number): string {
  return createHmac('sha256', secret)
    .update(`${activityId}.${window}`)
    .digest('base64url')
    .slice(0, MAC_CHARS);
}

/** The code to show now, and when the screen should fetch the next one. */
export function makeCheckinCode(
  secret: string,
  activityId: string,
  now: Date,
): { code: string; window: number; rotatesAt: Date } {
  const window = codeWindow(now);
  return {
    code: `${PREFIX}.${activityId}.${window.toString(36)}.${mac(secret, activityId, window)}`,
    window,
    rotatesAt: new Date((window + 1) * CODE_WINDOW_MS),
  };
}

/** The parts of a code, if it has the shape of one. */
export function parseCheckinCode(
  code: string,
): { activityId: string; window: number; mac: string } | undefined {
  const parts = code.trim().split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  const [, activityId, windowText, macText] = parts as [string, string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(activityId) || !/^[0-9a-z]{1,12}$/.test(windowText)) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(macText) || macText.length !== MAC_CHARS) return undefined;
  return { activityId, window: parseInt(windowText, 36), mac: macText };
}

/**
 * Checks a scanned code for `activityId` at `now`: its own activity's MAC must verify (else forged), it must be for
 * this activity (else foreign), and its window must be the current one or within the grace (else expired; a window
 * from the future is forged, since only the server makes codes).
 */
export function verifyCheckinCode(
  secret: string,
  activityId: string,
  code: string,
  now: Date,
): { ok: true; window: number } | { ok: false; reason: CodeRefusal } {
  const parsed = parseCheckinCode(code);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(secret, parsed.activityId, parsed.window));
  const given = Buffer.from(parsed.mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'forged' };
  if (parsed.activityId !== activityId) return { ok: false, reason: 'foreign' };
  const current = codeWindow(now);
  if (parsed.window > current) return { ok: false, reason: 'forged' };
  if (parsed.window < current - CODE_GRACE_WINDOWS) return { ok: false, reason: 'expired' };
  return { ok: true, window: parsed.window };
}

/** What a volunteer is told for each refusal. */
export const CODE_REFUSAL_TEXT: Record<CodeRefusal, string> = {
  malformed: '这不是睦邻的签到码，请扫描组织者屏幕上的二维码',
  foreign: '这是其他活动的签到码，请扫描本活动的二维码',
  forged: '签到码无效，请扫描组织者屏幕上的二维码',
  expired: '签到码已过期，请扫描屏幕上刷新后的二维码',
};
