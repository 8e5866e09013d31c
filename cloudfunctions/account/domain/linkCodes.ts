/**
 * Family link codes: an elder shows a 6-digit code for 10 minutes; a family member types it to ask for a link,
 * and the elder confirms. Only a hash of the code is stored.
 */
import { createHash, randomInt } from 'node:crypto';
import { ACCOUNT_LIMITS } from '../contract';

/** A fresh code (uniform over 000000–999999). */
export function newLinkCode(): string {
  return String(randomInt(0, 10 ** ACCOUNT_LIMITS.linkCodeLength)).padStart(
    ACCOUNT_LIMITS.linkCodeLength,
    '0',
  );
}

/** The stored form of a code. */
export function hashLinkCode(code: string): string {
  return createHash('sha256').update(`mulin-link:${code}`).digest('hex');
}

/** When a code made at `now` stops working. */
export function linkCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + ACCOUNT_LIMITS.linkCodeTtlMinutes * 60_000);
}
