/**
 * security.msgSecCheck, security.imgSecCheck and security.mediaCheckAsync, replying as WeChat does:
 * - msgSecCheck v1 `{content}` → `{errcode:0}` or errcode 87014 "risky content" (which the SDK throws);
 * - msgSecCheck v2 `{content, version:2, scene:1–4, openid}` → `{errcode:0, result:{suggest,label},
 *   detail:[…], trace_id}` (a verdict, never a throw);
 * - imgSecCheck `{media}` → `{errcode:0}` or 87014; mediaCheckAsync → `{errcode:0, trace_id}` with the
 *   verdict kept for tests (WeChat pushes it later as a `wxa_media_check` event).
 */
import type { InvocationInfo } from '../wire/types';
import { mediaVerdict } from './mediaMarker';
import { LABEL_NORMAL, checkText, type Suggest, type WordList } from './sensitiveWords';
import { WxErrcode, isMediaParam, traceId, wxError, type OpenApiMethod, type WxReply } from './types';

/** Labels WeChat reports for media verdicts (no finer model locally). */
const MEDIA_LABELS: Record<Suggest, number> = { pass: LABEL_NORMAL, review: 21000, risky: 20002 };

/** The verdict mediaCheckAsync would push for one call. */
export interface MediaCheckEvent {
  traceId: string;
  time: string;
  mediaUrl: string;
  mediaType: number;
  version: number;
  openid?: string;
  result: { suggest: Suggest; label: number };
  sentBy?: { invocationId: string; functionName: string };
}

/** Where mediaCheckAsync keeps its verdicts, and how it fetches media behind a URL. */
export interface MediaChecks {
  record(event: MediaCheckEvent): void;
  /** The bytes at a media URL when the local cloud can resolve it (its own temp URLs), else undefined. */
  readMedia?: (url: string) => Buffer | undefined;
}

const isScene = (v: unknown): boolean => v === 1 || v === 2 || v === 3 || v === 4;
const isOpenid = (v: unknown): v is string => typeof v === 'string' && v !== '';
const sender = (inv: InvocationInfo | undefined): MediaCheckEvent['sentBy'] =>
  inv ? { invocationId: inv.id, functionName: inv.functionName } : undefined;

/** Checks v2's shared params (`version`, `scene`, `openid`); an error reply, or undefined when fine. */
function v2ParamsProblem(params: Record<string, unknown>, now: Date): WxReply | undefined {
  if (!isOpenid(params.openid)) return wxError(WxErrcode.INVALID_OPENID, 'invalid openid', now);
  if (!isScene(params.scene))
    return wxError(WxErrcode.DATA_FORMAT_ERROR, 'data format error hint: [scene]', now);
  return undefined;
}

/** security.msgSecCheck, v1 and v2, against `words`. */
export function msgSecCheck(words: WordList): OpenApiMethod {
  return ({ params, now }) => {
    if (typeof params.content !== 'string') {
      return wxError(WxErrcode.DATA_FORMAT_ERROR, 'data format error hint: [content]', now);
    }
    const verdict = checkText(words, params.content);
    if (params.version === 2) {
      const problem = v2ParamsProblem(params, now);
      if (problem) return problem;
      const flagged = verdict.suggest !== 'pass';
      return {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: verdict.suggest, label: verdict.label },
        detail: [
          {
            strategy: 'content_model',
            errcode: 0,
            suggest: verdict.suggest,
            label: verdict.label,
            prob: flagged ? 90 : 0,
          },
          ...verdict.hits.map((h) => ({
            strategy: 'keyword',
            errcode: 0,
            suggest: h.suggest,
            label: h.label,
            level: h.suggest === 'risky' ? 90 : 60,
            keyword: h.word,
          })),
        ],
        trace_id: traceId(now),
      };
    }
    if (params.version !== undefined && params.version !== 1) {
      return wxError(WxErrcode.DATA_FORMAT_ERROR, 'data format error hint: [version]', now);
    }
    // v1 knows only risky or not; review terms pass.
    return verdict.suggest === 'risky'
      ? wxError(WxErrcode.RISKY_CONTENT, 'risky content', now)
      : { errcode: 0, errmsg: 'ok' };
  };
}

/** security.imgSecCheck (v1): risky when the image carries the risky marker. */
export const imgSecCheck: OpenApiMethod = ({ params, now }) => {
  if (!isMediaParam(params.media)) return wxError(WxErrcode.MEDIA_DATA_MISSING, 'media data missing', now);
  return mediaVerdict(params.media.value) === 'risky'
    ? wxError(WxErrcode.RISKY_CONTENT, 'risky content', now)
    : { errcode: 0, errmsg: 'ok' };
};

/** security.mediaCheckAsync (v1 and v2): replies a trace_id and records the verdict in `checks`. */
export function mediaCheckAsync(checks: MediaChecks): OpenApiMethod {
  return ({ params, now, invocation }) => {
    const url = params.media_url;
    if (typeof url !== 'string' || url === '') {
      return wxError(WxErrcode.DATA_FORMAT_ERROR, 'data format error hint: [media_url]', now);
    }
    if (params.media_type !== 1 && params.media_type !== 2) {
      return wxError(WxErrcode.DATA_FORMAT_ERROR, 'data format error hint: [media_type]', now);
    }
    const version = params.version === 2 ? 2 : 1;
    if (version === 2) {
      const problem = v2ParamsProblem(params, now);
      if (problem) return problem;
    }
    const suggest = mediaVerdict(checks.readMedia?.(url), url);
    const id = traceId(now);
    checks.record({
      traceId: id,
      time: now.toISOString(),
      mediaUrl: url,
      mediaType: params.media_type,
      version,
      openid: isOpenid(params.openid) ? params.openid : undefined,
      result: { suggest, label: MEDIA_LABELS[suggest] },
      sentBy: sender(invocation),
    });
    return { errcode: 0, errmsg: 'ok', trace_id: id };
  };
}
