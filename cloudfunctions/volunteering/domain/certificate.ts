/**
 * Certificate codes (志愿服务证明编号): 16 characters of Crockford base32 from a hash, grouped in fours, so they are
 * short enough to type from paper, cannot be guessed (80 bits), and survive the usual misreadings (O/0, I/L/1).
 */
import { createHash } from 'node:crypto';
import type { CertificateView } from '../contract';
import type { CertificateDoc } from '../documents';
import { hoursText } from './hours';
import { dateKey } from '../../../miniprogram/shared/calendar';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The code for a certificate, derived from its seed (the idempotent id of its issue). */
export function certificateCode(seed: string): string {
  const bytes = createHash('sha256').update(`certificate\u0000${seed}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === 16) break;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** A typed-in code in canonical form, or undefined when it cannot be one. */
export function normalizeCertificateCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== 16 || [...plain].some((c) => !ALPHABET.includes(c))) return undefined;
  return plain.match(/.{4}/g)!.join('-');
}

/** Who issues the certificate, printed on it. */
export const CERTIFICATE_ISSUER = '睦邻 · 江宁区志愿服务记录';

/** The holder's view of a certificate (their full name: it is their own paper). */
export function certificateView(c: CertificateDoc): CertificateView {
  return {
    code: c._id,
    realName: c.realName,
    verifiedHours: hoursText(c.verifiedMinutes),
    activityCount: c.activityCount,
    organizerNames: c.organizerNames,
    firstDate: c.firstDate,
    lastDate: c.lastDate,
    issuedAt: dateKey(c.issuedAt),
    issuer: CERTIFICATE_ISSUER,
    ...(c.badge ? { badge: c.badge } : {}),
  };
}
