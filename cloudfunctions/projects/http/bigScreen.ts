/**
 * The big screen's data (大屏), served through HTTP access with no caller:
 *   GET /bigscreen-data?street=<street id>&token=<screen token>
 * → 200 `{ ok: true, data: ScreenView }` (aggregate figures only, no ids, no person), or
 *   `{ ok: false, error: { code, message } }`: 400 INVALID_INPUT (street or token missing or malformed), 403
 *   FORBIDDEN (no screen for the street, a token that is not the street's current one, or an expired one), 405 for
 *   anything but GET. The same message for every token that does not match: it tells no one which streets have a
 *   screen. Round trips: 2, side by side (the street's screen, its summary).
 */
import * as z from 'zod';
import { findById } from '../../common/db';
import { AppError, forbidden, invalid } from '../../common/errors';
import { id } from '../../common/schemas';
import type { HttpEvent, HttpResponse } from '../../common/router';
import { SCREENS, SUMMARIES, type ScreenDoc, type SummaryDoc } from '../documents';
import type { Dashboard } from '../domain/dashboard';
import { screenTokenMatches, screenView } from '../domain/screen';

const query = z.object({
  street: id,
  token: z.string().regex(/^[\w-]{16,64}$/),
});

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    // The screen may be hosted on another domain (static hosting); the token, not the origin, authorises.
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  },
  body: JSON.stringify(body),
});

const STATUS: Record<string, number> = { INVALID_INPUT: 400, FORBIDDEN: 403 };

/** Answers one request for the big screen's figures. */
export async function bigScreen(event: HttpEvent, now: Date): Promise<HttpResponse> {
  try {
    if (event.httpMethod !== 'GET')
      return json(405, { ok: false, error: { code: 'INVALID_INPUT', message: '只支持读取' } });
    const q = query.safeParse(event.queryStringParameters ?? {});
    if (!q.success) throw invalid('大屏链接不完整，请向街道管理员索取新链接');
    const [screen, summary] = await Promise.all([
      findById<ScreenDoc>(SCREENS, q.data.street),
      findById<SummaryDoc>(SUMMARIES, q.data.street),
    ]);
    if (!screen || !screenTokenMatches(q.data.token, screen.tokenHash))
      throw forbidden('大屏链接无效或已更换，请向街道管理员索取新链接');
    if (screen.expiresAt.getTime() <= now.getTime())
      throw forbidden('大屏链接已过期，请向街道管理员索取新链接');
    const view = screenView(
      screen.streetName,
      summary?.computedAt ?? null,
      (summary?.dashboard as Dashboard | undefined) ?? null,
    );
    return json(200, { ok: true, data: view });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return json(STATUS[err.code] ?? 400, { ok: false, error: { code: err.code, message: err.message } });
  }
}
