/**
 * Codes. The donation code is what the donor shows at the supermarket: derived from the donation id, short,
 * easy to read aloud (Crockford base32, no I/L/O/U). The confirmation code is the recipient's one-time proof of
 * receipt: an HMAC of the donation and its dispatch under a deployment secret, so nothing is stored, staff cannot
 * work it out, and every new dispatch issues a new code.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The donation code for a donation id: XXXX-XXXX. */
export function donationCode(donationId: string): string {
  const bytes = createHash('sha256').update(`mulin-donation-code:${donationId}`).digest();
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  let out = '';
  for (let i = 7; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A typed or scanned code in its printed form (case, spaces and dashes forgiven; O→0, I/L→1). */
export function normalizeCode(input: string): string {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

/** The recipient's 6-digit confirmation code for the dispatch at `dispatchSeq`. */
export function confirmCode(secret: string, donationId: string, dispatchSeq: number): string {
  const mac = createHmac('sha256', secret).update(`mulin-confirm:${donationId}:${dispatchSeq}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** Compares two codes in constant time. */
export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
