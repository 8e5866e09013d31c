/**
 * The gateway: how the mini program side (page tests, page pictures, scripts, a developer with curl) calls
 * functions as a chosen user, and drives the local cloud's clock and timers. 127.0.0.1 only.
 *
 *   POST /gateway/call          { name, data, user }  → { result, requestId, stats } | { error:{errCode,errMsg}, stats }
 *   GET  /gateway/clock         → { now }             POST /gateway/clock { set?: ISO date, advance?: ms } → { now }
 *   GET  /gateway/timers        → [{ functionName, triggerName, cron }]
 *   POST /gateway/timers/fire   { functionName, triggerName } → outcome like /call
 *   GET  /gateway/functions     → names
 *   POST /gateway/upload        { cloudPath, content (base64) } → { fileID }   (wx.cloud.uploadFile)
 *   POST /gateway/tempFileURL   { fileList: [fileID] } → { fileList: [{ fileID, tempFileURL, status }] }
 *   GET  /gateway/outbox        → subscription messages sent
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock';
import type { FunctionHost, InvokeOutcome } from './host/functionHost';
import type { TimerScheduler } from './host/timers';
import type { LocalStorage } from './storage/localStorage';
import { sendJson, type HttpRoute } from './wire/server';

/** What the gateway needs. */
export interface GatewayDeps {
  host: FunctionHost;
  timers: TimerScheduler;
  clock: Clock;
  appid: string;
  storage: LocalStorage;
  /** Extra GET routes under /gateway/ contributed by other parts (e.g. the outbox). */
  extra?: Record<string, () => unknown>;
}

/** The reply of a call, shaped like what `wx.cloud.callFunction` resolves or rejects with. */
export type GatewayReply =
  | { result: unknown; requestId: string; stats: { dbRoundTrips: number; durationMs: number } }
  | { error: { errCode: number; errMsg: string }; stats: { dbRoundTrips: number; durationMs: number } };

/** Turns a host outcome into what the mini program would see. */
export function toGatewayReply(outcome: InvokeOutcome): GatewayReply {
  const stats = { dbRoundTrips: outcome.stats.dbRoundTrips, durationMs: outcome.stats.durationMs };
  if (outcome.ok)
    return { result: JSON.parse(outcome.resultJson), requestId: outcome.stats.requestId, stats };
  const errCode = outcome.error.code === 'FUNCTION_NOT_FOUND' ? -501000 : -504002;
  const what = outcome.error.code === 'FUNCTION_NOT_FOUND' ? 'function not found' : 'functions execute fail';
  return {
    error: { errCode, errMsg: `cloud.callFunction:fail ${errCode} ${what}. ${outcome.error.message}` },
    stats,
  };
}

/** The mini program adds `userInfo` to every event; functions must not trust anything else in it. */
export function clientEvent(data: unknown, openid: string, appid: string): Record<string, unknown> {
  const base =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { ...base, userInfo: { appId: appid, openId: openid } };
}

function json(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  const v = JSON.parse(body.toString('utf8')) as unknown;
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

/** The gateway route. */
export function gatewayRoute(deps: GatewayDeps): HttpRoute {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    if (!url.pathname.startsWith('/gateway/')) return false;
    const path = url.pathname.slice('/gateway/'.length);
    try {
      if (req.method === 'POST' && path === 'call') {
        const { name, data, user } = json(body);
        if (typeof name !== 'string' || typeof user !== 'string' || !user) {
          sendJson(res, 400, { message: 'name and user (an openid) are required' });
          return true;
        }
        const outcome = await deps.host.invoke(
          name,
          clientEvent(data, user, deps.appid),
          { openid: user, appid: deps.appid },
          { source: 'wx_client' },
        );
        sendJson(res, 200, toGatewayReply(outcome));
        return true;
      }
      if (path === 'clock') {
        if (req.method === 'POST') {
          const { set, advance } = json(body);
          if (typeof set === 'string') deps.clock.set(new Date(set));
          if (typeof advance === 'number') deps.clock.advance(advance);
        }
        sendJson(res, 200, { now: deps.clock.date().toISOString(), offsetMs: deps.clock.offset() });
        return true;
      }
      if (req.method === 'GET' && path === 'timers') {
        sendJson(res, 200, deps.timers.list());
        return true;
      }
      if (req.method === 'POST' && path === 'timers/fire') {
        const { functionName, triggerName } = json(body);
        if (typeof functionName !== 'string' || typeof triggerName !== 'string') {
          sendJson(res, 400, { message: 'functionName and triggerName are required' });
          return true;
        }
        sendJson(res, 200, toGatewayReply(await deps.timers.fire(functionName, triggerName)));
        return true;
      }
      if (req.method === 'POST' && path === 'upload') {
        const { cloudPath, content } = json(body);
        if (typeof cloudPath !== 'string' || typeof content !== 'string') {
          sendJson(res, 400, { message: 'cloudPath and content (base64) are required' });
          return true;
        }
        try {
          sendJson(res, 200, { fileID: deps.storage.putFile(cloudPath, Buffer.from(content, 'base64')) });
        } catch (err) {
          sendJson(res, 200, {
            error: { errCode: -503001, errMsg: `cloud.uploadFile:fail ${(err as Error).message}` },
          });
        }
        return true;
      }
      if (req.method === 'POST' && path === 'tempFileURL') {
        const { fileList } = json(body);
        const ids = Array.isArray(fileList) ? fileList.filter((f): f is string => typeof f === 'string') : [];
        const base = `http://${req.headers.host ?? '127.0.0.1'}`;
        const list = deps.storage.tempFileUrls(
          ids.map((fileid) => ({ fileid })),
          base,
        );
        sendJson(res, 200, {
          fileList: list.map((f) => ({
            fileID: f.fileID,
            tempFileURL: f.tempFileURL,
            status: f.code === 'SUCCESS' ? 0 : -1,
          })),
        });
        return true;
      }
      if (req.method === 'GET' && path === 'functions') {
        sendJson(res, 200, deps.host.names());
        return true;
      }
      const extra = req.method === 'GET' ? deps.extra?.[path] : undefined;
      if (extra) {
        sendJson(res, 200, extra());
        return true;
      }
      sendJson(res, 404, { message: `no gateway route ${req.method} /gateway/${path}` });
    } catch (err) {
      sendJson(res, 400, { message: (err as Error).message });
    }
    return true;
  };
}
