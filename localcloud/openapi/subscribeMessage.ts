/**
 * subscribeMessage.send: validates like WeChat (errcode 47003 "argument invalid!" for a missing touser,
 * template_id or data, a malformed field or an over-long value) and records the message in the outbox.
 * Params arrive snake_case (the SDK converts `templateId` → `template_id`, `miniprogramState` → …_state).
 */
import type { Outbox, OutboxEntry } from './outbox';
import { WxErrcode, wxError, type OpenApiMethod } from './types';

/** Longest value WeChat accepts per template field type (characters). */
const MAX_LENGTH: Readonly<Record<string, number>> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
};

const STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `data` is not a valid template payload, or undefined; fills `out` with the cleaned fields. */
function dataProblem(data: unknown, out: Record<string, { value: string }>): string | undefined {
  if (!isRecord(data) || Object.keys(data).length === 0) return 'argument invalid! data is empty';
  for (const [key, field] of Object.entries(data)) {
    // Template keys are a type name and a number: thing1, time2, character_string3.
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1];
    if (!type) return `argument invalid! data.${key} is not a template field`;
    const value = isRecord(field) ? field.value : undefined;
    if (value === undefined || value === null || String(value) === '') {
      return `argument invalid! data.${key}.value is empty`;
    }
    if (typeof value !== 'string' && typeof value !== 'number')
      return `argument invalid! data.${key}.value invalid`;
    const limit = MAX_LENGTH[type];
    if (limit !== undefined && [...String(value)].length > limit)
      return `argument invalid! data.${key}.value invalid`;
    out[key] = { value: String(value) };
  }
  return undefined;
}

/** subscribeMessage.send, recording into `outbox`. */
export function subscribeMessageSend(outbox: Outbox): OpenApiMethod {
  // Safe integers of at most 15 digits: the SDK parses replies with json-bigint, which turns longer
  // numbers into BigNumber objects.
  let nextMsgid = Date.now();
  return ({ params, now, invocation }) => {
    const { touser, template_id: templateId, page, miniprogram_state: state, lang } = params;
    const argumentInvalid = (why: string) => wxError(WxErrcode.ARGUMENT_INVALID, why, now);
    if (typeof touser !== 'string' || touser === '')
      return argumentInvalid('argument invalid! touser is empty');
    if (typeof templateId !== 'string' || templateId === '') {
      return argumentInvalid('argument invalid! template_id is empty');
    }
    if (page !== undefined && typeof page !== 'string')
      return argumentInvalid('argument invalid! page invalid');
    if (state !== undefined && !STATES.has(String(state))) {
      return argumentInvalid('argument invalid! miniprogram_state invalid');
    }
    if (lang !== undefined && !LANGS.has(String(lang)))
      return argumentInvalid('argument invalid! lang invalid');
    const data: Record<string, { value: string }> = {};
    const problem = dataProblem(params.data, data);
    if (problem) return argumentInvalid(problem);

    const entry: OutboxEntry = {
      msgid: nextMsgid++,
      time: now.toISOString(),
      touser,
      templateId,
      page: page ?? undefined,
      data,
      miniprogramState: state === undefined ? undefined : String(state),
      lang: lang === undefined ? undefined : String(lang),
      sentBy: invocation
        ? { invocationId: invocation.id, functionName: invocation.functionName, openid: invocation.openid }
        : undefined,
    };
    outbox.record(entry);
    return { errcode: 0, errmsg: 'ok', msgid: entry.msgid };
  };
}
