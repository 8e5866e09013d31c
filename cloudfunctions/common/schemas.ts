/** zod pieces every capability's contract uses. */
import { z } from 'zod';

/** A document id. */
export const id = z.string().min(1).max(64);

/** The client's idempotency key for a create action. */
export const idempotencyKey = z.string().min(8).max(64);

/** A short single-line text (trimmed), e.g. a title. */
export const line = (max: number) => z.string().trim().min(1).max(max);

/** Free text (trimmed), e.g. a description. */
export const text = (max: number) => z.string().trim().max(max);

/** A mainland mobile number. */
export const phone = z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');

/** An ISO date-time string from the client, as a Date. */
export const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** A cloud storage file id. */
export const fileId = z.string().regex(/^cloud:\/\/.+/, '不是云存储文件');

/** Paging: lists show 20 items at a time (DESIGN.md budget). */
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

/** Builds a page from `limit + 1` fetched items (the extra one says whether there is more). */
export function toPage<T>(fetched: T[], offset: number, limit: number): Page<T> {
  return { items: fetched.slice(0, limit), next: fetched.length > limit ? offset + limit : null };
}

/** Latitude/longitude (GCJ-02, as wx.getLocation returns). */
export const location = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
