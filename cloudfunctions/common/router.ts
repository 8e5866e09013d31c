/**
 * The entry of every cloud function: `event.action` picks the action (own keys only); the platform's timer
 * events (which carry no caller) pick the timer by trigger name. Input is parsed with the action's schema
 * (identity fields are refused: who is calling comes only from getWXContext), failures become typed error
 * replies, unexpected ones are logged and reported as INTERNAL without a stack.
 */
import { actionContext, type Action } from './action';
import { callerOpenid } from './cloud';
import { now } from './clock';
import { AppError, invalid, unauthenticated } from './errors';
import { parseInput } from './inputIssues';
import type { ErrorReply, Reply } from './reply';

/** A timer handler: runs with no caller; returns a summary for the logs. */
export type TimerHandler = (now: Date) => Promise<unknown>;

/** Event fields that claim an identity; never trusted, always refused. */
export const IDENTITY_FIELDS = [
  'openid',
  'openId',
  '_openid',
  'OPENID',
  'userId',
  'role',
  'roles',
  'unionid',
];

/** CloudBase's integrated request (HTTP 访问服务): a plain HTTP request, with no caller. */
export interface HttpEvent {
  path: string;
  httpMethod: string;
  headers?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

/** CloudBase's integrated response. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

/** What a function serves. */
export interface FunctionSpec {
  actions: Record<string, Action>;
  timers?: Record<string, TimerHandler>;
  /** Read-only public HTTP (HTTP access): answers requests that carry no caller; never sees an identity. */
  http?: (event: HttpEvent, now: Date) => Promise<HttpResponse>;
}

function errorReply(err: unknown): ErrorReply {
  if (err instanceof AppError) {
    return {
      ok: false,
      error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) },
    };
  }
  console.error('unexpected failure', err);
  return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
}

/**
 * Whether `event` is the platform's timer trigger. Only the platform sends one, and it carries no caller: on
 * CloudBase a timer's `getWXContext().OPENID` is empty while a client call always has one, so a client that
 * copies the timer's fields into its call data is still a client call (and never reaches a timer).
 */
function isTimerEvent(e: Record<string, unknown>, openid: string | undefined): boolean {
  return openid === undefined && e.Type === 'Timer' && typeof e.TriggerName === 'string';
}

/** Whether `event` came through HTTP access: no caller, and the integrated request's method and path. */
function isHttpEvent(e: Record<string, unknown>, openid: string | undefined): boolean {
  return openid === undefined && typeof e.httpMethod === 'string' && typeof e.path === 'string';
}

/** `table[name]` when `name` is the table's own key (never `constructor`, `__proto__`, `toString`…). */
function ownEntry<T>(table: Record<string, T> | undefined, name: unknown): T | undefined {
  return table && typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name)
    ? table[name]
    : undefined;
}

/** Builds the function's `main`. */
export function createMain(spec: FunctionSpec): (event: unknown) => Promise<Reply<unknown> | unknown> {
  return async (event: unknown) => {
    const e = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>;
    const openid = callerOpenid();
    if (isTimerEvent(e, openid)) {
      const timer = ownEntry(spec.timers, e.TriggerName);
      if (!timer)
        return { ok: false, error: { code: 'NOT_FOUND', message: `no timer ${String(e.TriggerName)}` } };
      try {
        return { ok: true, data: await timer(now()) };
      } catch (err) {
        return errorReply(err);
      }
    }
    if (spec.http && isHttpEvent(e, openid)) {
      try {
        return await spec.http(e as unknown as HttpEvent, now());
      } catch (err) {
        console.error('http access failed', err);
        return {
          statusCode: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify([{ code: 500, description: 'internal error' }]),
        };
      }
    }
    try {
      if (!openid) throw unauthenticated();
      const name = e.action;
      const act = ownEntry(spec.actions, name);
      if (!act) throw invalid(`未知操作: ${String(name)}`, [{ path: 'action', message: 'unknown action' }]);
      // `userInfo` is the platform's own stamp on client calls; `action` is the routing key.
      const { action: _action, userInfo: _userInfo, ...payload } = e;
      const claimed = IDENTITY_FIELDS.filter((k) => k in payload);
      if (claimed.length > 0) {
        throw invalid(
          '身份只能来自微信登录，请求中不能携带身份字段',
          claimed.map((k) => ({ path: k, message: 'not allowed' })),
        );
      }
      const parsed = parseInput(act.input, payload);
      if (!parsed.success) throw invalid('输入有误', parsed.issues);
      return { ok: true, data: await act.run(parsed.data, actionContext(openid, now())) };
    } catch (err) {
      return errorReply(err);
    }
  };
}
