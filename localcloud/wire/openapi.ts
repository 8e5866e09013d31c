/**
 * `cloud.openapi.*` over the wire. node-sdk posts action `wx.openApi` as multipart/form-data with `apiName`
 * (e.g. `security.msgSecCheck`) and `requestData`, a protobuf `CommApiData` whose OPEN_API pairs are the call's
 * params (snake_case JSON, or media bytes). The reply is a raw protobuf `CommOpenApiResp`: `errorCode` for
 * platform errors (-604100 API not found, -604101 no permission), else `respData` = WeChat's JSON reply.
 * See localcloud/docs/STORAGE-AND-OPENAPI.md.
 */
import { contentTypeFor } from '../storage/mime';
import { ApiType, decodeCommApiData, encodeCommOpenApiResp, type KeyValuePair } from '../openapi/protobuf';
import { multipartFields } from '../openapi/multipart';
import type { Outbox } from '../openapi/outbox';
import { imgSecCheck, mediaCheckAsync, msgSecCheck, type MediaCheckEvent } from '../openapi/security';
import { loadWordList, type WordList } from '../openapi/sensitiveWords';
import { subscribeMessageSend } from '../openapi/subscribeMessage';
import type { MediaParam, OpenApiMethod, OpenApiParams, WxReply } from '../openapi/types';
import { CloudError } from './errors';
import type { InvocationInfo, WireContext, WireHandler } from './types';

/** wx-server-sdk's code for an API the platform does not know. */
export const ERR_API_NOT_FOUND = -604100;
/** wx-server-sdk's code for an API missing from the function's `config.json` permissions. */
export const ERR_NO_PERMISSION = -604101;

/** Options for {@link createOpenApi}. */
export interface OpenApiOptions {
  /** Where subscribeMessage.send records messages. */
  outbox: Outbox;
  /** The word list for msgSecCheck: a parsed list or a file path (default: `openapi/sensitive-words.txt`). */
  words?: WordList | string;
  /**
   * The open APIs a function may call (its `config.json` `permissions.openapi`), by function name; calls from
   * a function whose list lacks the API fail with -604101 as in production. Undefined list: no check.
   */
  permissions?: (functionName: string) => readonly string[] | undefined;
  /** Resolves a media URL to bytes (e.g. storage's `readTempUrl`) so mediaCheckAsync can see markers in files. */
  readMedia?: (url: string) => Buffer | undefined;
  /** Clock in ms. */
  now?: () => number;
}

/** The local open-API platform. */
export interface LocalOpenApi {
  /** The `wx.openApi` wire handler. */
  readonly handler: WireHandler;
  /** Handlers by action name, for the server's registry (`wx.openApi`). */
  readonly handlers: Readonly<Record<string, WireHandler>>;
  /** The outbox subscription messages go to. */
  readonly outbox: Outbox;
  /** The word list in use. */
  readonly words: WordList;
  /** Verdicts mediaCheckAsync produced (WeChat would push them as `wxa_media_check` events), oldest first. */
  mediaChecks(): MediaCheckEvent[];
  /** Calls an API directly with snake_case params (for the gateway and tools); returns WeChat's JSON reply. */
  call(apiName: string, params: OpenApiParams, invocation?: InvocationInfo): WxReply;
}

/** Turns the protobuf pairs into params: JSON values, media pairs as {@link MediaParam}. */
function pairsToParams(pairs: readonly KeyValuePair[]): OpenApiParams {
  const params: OpenApiParams = {};
  for (const p of pairs) {
    // wx-server-sdk 4.0.2 sets `contentType` on media pairs but the message field is `contenttype`, so
    // only `filename` (e.g. `media.png`) reaches the wire; either marks a media pair.
    if (p.contenttype || p.filename) {
      const contentType = p.contenttype || contentTypeFor(p.filename);
      const media: MediaParam = { contentType, filename: p.filename, value: p.value };
      params[p.key] = media;
      continue;
    }
    try {
      params[p.key] = JSON.parse(p.value.toString('utf8')) as unknown;
    } catch {
      throw new CloudError('INVALID_PARAM', `[InvalidParameter] param ${p.key} is not JSON`);
    }
  }
  return params;
}

/** The `apiName` and `requestData` of a `wx.openApi` request (from the multipart body, else parsed fields). */
function readRequest(
  body: Record<string, unknown>,
  ctx: WireContext,
): { apiName: string; requestData: Buffer } {
  const contentType = ctx.headers['content-type'];
  const fields = multipartFields(ctx.rawBody, Array.isArray(contentType) ? contentType[0] : contentType);
  const apiName = fields?.get('apiName')?.value.toString('utf8') ?? body.apiName;
  const requestData = fields?.get('requestData')?.value ?? body.requestData;
  if (typeof apiName !== 'string' || apiName === '') {
    throw new CloudError('INVALID_PARAM', '[InvalidParameter] apiName is required');
  }
  if (!Buffer.isBuffer(requestData))
    throw new CloudError('INVALID_PARAM', '[InvalidParameter] requestData is required');
  return { apiName, requestData };
}

/** Creates the local open-API platform (see {@link OpenApiOptions}). */
export function createOpenApi(options: OpenApiOptions): LocalOpenApi {
  const { outbox } = options;
  const now = options.now ?? Date.now;
  const words = typeof options.words === 'object' ? options.words : loadWordList(options.words);
  const checks: MediaCheckEvent[] = [];
  const apis: Readonly<Record<string, OpenApiMethod>> = {
    'security.msgSecCheck': msgSecCheck(words),
    'security.imgSecCheck': imgSecCheck,
    'security.mediaCheckAsync': mediaCheckAsync({
      record: (e) => checks.push(e),
      readMedia: options.readMedia,
    }),
    'subscribeMessage.send': subscribeMessageSend(outbox),
  };

  /** The platform error for a call, or undefined when the API may run. */
  const platformError = (apiName: string, invocation?: InvocationInfo): number | undefined => {
    if (!Object.prototype.hasOwnProperty.call(apis, apiName)) return ERR_API_NOT_FOUND;
    const allowed = invocation ? options.permissions?.(invocation.functionName) : undefined;
    return allowed && !allowed.includes(apiName) ? ERR_NO_PERMISSION : undefined;
  };

  const call = (apiName: string, params: OpenApiParams, invocation?: InvocationInfo): WxReply =>
    apis[apiName]({ apiName, params, invocation, now: new Date(now()) });

  const handler: WireHandler = (body, ctx) => {
    const { apiName, requestData } = readRequest(body, ctx);
    let request;
    try {
      request = decodeCommApiData(requestData);
    } catch (err) {
      throw new CloudError('INVALID_PARAM', `[InvalidParameter] requestData: ${(err as Error).message}`);
    }
    const errorCode =
      request.apiType === ApiType.OPEN_API ? platformError(apiName, ctx.invocation) : ERR_API_NOT_FOUND;
    if (errorCode !== undefined) return { raw: encodeCommOpenApiResp({ errorCode, httpCode: 200 }) };
    const reply = call(apiName, pairsToParams(request.pairs), ctx.invocation);
    return {
      raw: encodeCommOpenApiResp({
        respData: Buffer.from(JSON.stringify(reply)),
        contentType: 'application/json; charset=utf-8',
        errorCode: 0,
        httpCode: 200,
      }),
    };
  };

  return {
    handler,
    handlers: { 'wx.openApi': handler },
    outbox,
    words,
    mediaChecks: () => [...checks],
    call(apiName, params, invocation) {
      const errorCode = platformError(apiName, invocation);
      if (errorCode !== undefined)
        return {
          errcode: errorCode,
          errmsg:
            errorCode === ERR_API_NOT_FOUND ? 'API not found' : 'function has no permission to call this API',
        };
      return call(apiName, params, invocation);
    },
  };
}
