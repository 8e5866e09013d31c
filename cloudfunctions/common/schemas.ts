/** zod pieces every capability's contract uses. */
import * as z from 'zod';
import { cleanText } from './text';

/** A document id: letters, digits and `_ - @ : .` (CloudBase's ids, our derived ids such as `<user>@2026-11`). */
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w@:.-]+$/, '编号有误');

/** The client's idempotency key for a create action: opaque, but never whitespace or invisible characters. */
export const idempotencyKey = z
  .string()
  .overwrite((s) => s.normalize('NFC'))
  .min(8)
  .max(64)
  .regex(/^[^\s\p{C}]+$/u, '请求编号有误');

/** How a text field is kept, as metadata on its schema (read by the contract walk in the tests). */
export type TextKind = 'line' | 'multiline';

/** A single-line text, e.g. a title or a name: cleaned (common/text `cleanText`), `min` to `max` characters. */
export const line = (max: number, min = 1) =>
  z
    .string()
    .overwrite((s) => cleanText(s, false))
    .min(min)
    .max(max)
    .meta({ text: 'line' satisfies TextKind });

/** Free text that may have line breaks, e.g. a description: cleaned (common/text `cleanText`), `min` to `max`. */
export const text = (max: number, min = 0) =>
  z
    .string()
    .overwrite((s) => cleanText(s, true))
    .min(min)
    .max(max)
    .meta({ text: 'multiline' satisfies TextKind });

/** A mainland mobile number. */
export const phone = z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');

/** A number residents call: a short line (96890), a landline with its area code (025-52101234) or a mobile. */
export const hotline = z
  .string()
  .regex(/^(\d{5,6}|0\d{2,3}-\d{7,8}|1[3-9]\d{9})$/, '请填写电话，如 96890、025-52101234 或手机号');

/** An ISO date-time string from the client, as a Date. */
export const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** A cloud storage file id. */
export const fileId = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[^\s\p{Cc}\p{Cf}\p{Cs}]+$/u, '不是云存储文件');

/** Paging: lists show 20 items at a time (DESIGN.md budget); common/paging makes the page. */
export const page = z.strictObject({
  offset: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(20).default(20),
});

/** A page of results. */
export interface Page<T> {
  items: T[];
  /** Offset of the next page, or null at the end. */
  next: number | null;
}

/** Latitude/longitude (GCJ-02, as wx.getLocation returns). */
export const location = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
