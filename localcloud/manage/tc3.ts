/**
 * Tencent Cloud API 3.0 request signatures (TC3-HMAC-SHA256), checked the way the real endpoints check them, so
 * a deploy with the wrong key is refused locally as it would be in production. Only the signed headers the
 * management library sends (`content-type;host`) are supported.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A key pair the local cloud accepts. */
export interface ApiCredentials {
  secretId: string;
  secretKey: string;
}

/** What a signature check needs from the request. */
export interface SignedRequest {
  method: string;
  /** Path and query as sent, e.g. `/`. */
  url: string;
  host: string;
  contentType: string;
  authorization: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** Why a request is refused, in Tencent Cloud's codes. */
export interface SignatureFailure {
  code: 'AuthFailure.SignatureFailure' | 'AuthFailure.SecretIdNotFound' | 'AuthFailure.InvalidAuthorization';
  message: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Checks one request; returns the refusal, or undefined when the signature is right. */
export function checkSignature(req: SignedRequest, accepted: ApiCredentials): SignatureFailure | undefined {
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      req.authorization ?? '',
    );
  if (!m || !req.timestamp)
    return {
      code: 'AuthFailure.InvalidAuthorization',
      message: 'Authorization header is not TC3-HMAC-SHA256',
    };
  const [, secretId, date, service, signedHeaders, signature] = m as unknown as string[];
  if (secretId !== accepted.secretId)
    return { code: 'AuthFailure.SecretIdNotFound', message: `SecretId ${secretId} not found` };
  if (signedHeaders !== 'content-type;host')
    return {
      code: 'AuthFailure.InvalidAuthorization',
      message: `unsupported SignedHeaders ${signedHeaders}`,
    };
  const [path, query = ''] = req.url.split('?') as [string, string?];
  const canonical = [
    req.method,
    path,
    query,
    `content-type:${req.contentType}\nhost:${req.host.replace(/:\d+$/, '')}\n`,
    signedHeaders,
    sha256(req.body),
  ].join('\n');
  const toSign = `TC3-HMAC-SHA256\n${req.timestamp}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${accepted.secretKey}`, date!), service!), 'tc3_request');
  const expected = Buffer.from(hmac(key, toSign).toString('hex'));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return {
      code: 'AuthFailure.SignatureFailure',
      message: 'The provided credentials could not be validated',
    };
  return undefined;
}
