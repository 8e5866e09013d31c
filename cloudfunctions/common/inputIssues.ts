/**
 * What bad input is told, in Chinese. zod speaks its zh-CN locale everywhere (set when this module loads); for
 * the rules people meet in a form — a length, a range, a missing field, a choice — the router asks for plain
 * words instead ("最多 20 个字", not "数值过大：期望 string <=20 字符"). A message a schema or an action wrote
 * for its field always wins; a rule's general wording is marked `generic`, so a page may show its own, more
 * specific hint for that field instead (miniprogram/lib/form.ts).
 */
import * as z from 'zod';
// The one locale we speak, on its own: `z.locales` would carry all forty-odd into every function's bundle.
import { zhCN } from 'zod/v4/locales';
import type { FieldIssue } from './reply';

z.config(zhCN());

type RawIssue = z.core.$ZodRawIssue;

const nth = (n: number | bigint) => n.toString();

function tooBig(iss: RawIssue & { code: 'too_big' }): string | undefined {
  const max = nth(iss.maximum);
  if (iss.origin === 'string') return iss.exact ? `要 ${max} 个字` : `最多 ${max} 个字`;
  if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${max} 项`;
  if (iss.origin === 'number' || iss.origin === 'int')
    return iss.inclusive ? `不能大于 ${max}` : `要小于 ${max}`;
  return undefined;
}

function tooSmall(iss: RawIssue & { code: 'too_small' }): string | undefined {
  const min = nth(iss.minimum);
  if (iss.origin === 'string') {
    if (iss.exact) return `要 ${min} 个字`;
    return iss.minimum === 1 ? '请填写' : `至少 ${min} 个字`;
  }
  if (iss.origin === 'array' || iss.origin === 'set')
    return iss.minimum === 1 ? '请至少选一项' : `至少 ${min} 项`;
  if (iss.origin === 'number' || iss.origin === 'int')
    return iss.inclusive ? `不能小于 ${min}` : `要大于 ${min}`;
  return undefined;
}

/** Plain words for a rule's issue, or undefined to leave it to zod's zh-CN locale. */
export function plainMessage(iss: RawIssue): string | undefined {
  switch (iss.code) {
    case 'too_big':
      return tooBig(iss);
    case 'too_small':
      return tooSmall(iss);
    case 'invalid_type':
      if (iss.input === undefined) return '请填写';
      if (iss.expected === 'int') return '请填整数';
      if (iss.expected === 'number') return '请填数字';
      return undefined;
    case 'invalid_value':
      return '请从给出的选项中选一个';
    case 'invalid_format':
      if (iss.format === 'datetime' || iss.format === 'date') return '日期或时间不对';
      if (iss.format === 'regex') return '格式不对';
      return undefined;
    default:
      return undefined;
  }
}

/** Where an issue is, as a dotted path (`budgetLines.0.amount`); unknown fields are named by their keys. */
function pathOf(iss: { path?: PropertyKey[]; code?: string; keys?: string[] }): string {
  const path = (iss.path ?? []).map(String).join('.');
  return path || (iss.code === 'unrecognized_keys' ? (iss.keys?.join(',') ?? '') : '');
}

/** The outcome of parsing a call's input. */
export type ParsedInput<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

/**
 * Parses `payload` with `schema`: the data, or the issues by field path in Chinese. An issue whose message is a
 * rule's general wording (no message written for the field) is marked `generic`.
 */
export function parseInput<S extends z.ZodType>(schema: S, payload: unknown): ParsedInput<z.output<S>> {
  const generic = new Set<string>();
  const parsed = schema.safeParse(payload, {
    // Called only for issues without a message of their own (zod's order: schema, this, config, locale).
    error: (iss) => {
      generic.add(`${pathOf(iss)}\u0000${iss.code ?? ''}`);
      return plainMessage(iss);
    },
  });
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    issues: parsed.error.issues.map((i) => {
      const path = pathOf(i as { path: PropertyKey[]; code: string; keys?: string[] });
      return generic.has(`${path}\u0000${i.code}`)
        ? { path, message: i.message, generic: true }
        : { path, message: i.message };
    }),
  };
}
