/**
 * Signatures for the two kinds of URL storage hands out: temp download URLs (`?sign=…&t=<expiry>`, as
 * CloudBase's CDN URLs look) and upload authorisations (a COS-style `q-sign-time`/`q-signature` string the SDK
 * sends back in the PUT's `authorization` header). Both are HMAC-SHA256 with a key kept in the storage root,
 * so URLs stay valid across restarts of the local cloud until they expire.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the key file inside the storage root (a dot name, so it can never collide with a bucket). */
const KEY_FILE = '.signing-key';

/** Signs and verifies strings with one secret key. */
export interface Signer {
  /** Hex HMAC of `parts` joined by newlines. */
  sign(parts: readonly string[]): string;
  /** Whether `signature` is the HMAC of `parts` (constant-time). */
  verify(parts: readonly string[], signature: string): boolean;
}

/** Reads the root's signing key, creating it on first use. */
export function loadSigningKey(rootDir: string): Buffer {
  const file = join(rootDir, KEY_FILE);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(rootDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

/** A {@link Signer} over `key`. */
export function createSigner(key: Buffer): Signer {
  const sign = (parts: readonly string[]): string =>
    createHmac('sha256', key).update(parts.join('\n')).digest('hex');
  return {
    sign,
    verify(parts, signature) {
      const expected = Buffer.from(sign(parts));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** A COS-style authorisation for one PUT of `objectPath`, valid from `start` to `end` (unix seconds). */
export function uploadAuthorization(signer: Signer, objectPath: string, start: number, end: number): string {
  const time = `${start};${end}`;
  const signature = signer.sign(['PUT', objectPath, String(end)]);
  return `q-sign-algorithm=sha256&q-ak=local&q-sign-time=${time}&q-key-time=${time}&q-header-list=&q-url-param-list=&q-signature=${signature}`;
}

/** Outcome of checking an upload authorisation. */
export type AuthCheck = 'ok' | 'missing' | 'expired' | 'mismatch';

/** Checks an `authorization` header made by {@link uploadAuthorization} for `objectPath` at `nowSec`. */
export function checkUploadAuthorization(
  signer: Signer,
  header: string | undefined,
  objectPath: string,
  nowSec: number,
): AuthCheck {
  if (!header) return 'missing';
  const fields = new URLSearchParams(header);
  const time = /^(\d+);(\d+)$/.exec(fields.get('q-sign-time') ?? '');
  const signature = fields.get('q-signature');
  if (!time || !signature) return 'mismatch';
  if (!signer.verify(['PUT', objectPath, time[2]], signature)) return 'mismatch';
  return nowSec > Number(time[2]) ? 'expired' : 'ok';
}

/** The query string (`sign=…&t=…`) of a temp download URL for `objectPath` expiring at `expirySec`. */
export function downloadQuery(signer: Signer, objectPath: string, expirySec: number): string {
  return `sign=${signer.sign(['GET', objectPath, String(expirySec)])}&t=${expirySec}`;
}

/** Checks a temp download URL's `sign` and `t` for `objectPath` at `nowSec`. */
export function checkDownloadQuery(
  signer: Signer,
  query: URLSearchParams,
  objectPath: string,
  nowSec: number,
): AuthCheck {
  const sign = query.get('sign');
  const t = query.get('t');
  if (!sign || !t) return 'missing';
  if (!/^\d+$/.test(t) || !signer.verify(['GET', objectPath, t], sign)) return 'mismatch';
  return nowSec > Number(t) ? 'expired' : 'ok';
}
