/**
 * The raw-HTTP side of storage, under `/storage/<bucket>/<cloudPath>`:
 * - `PUT` is the COS upload node-sdk's uploadFile makes with the metadata from `storage.getUploadMetadata`
 *   (authorised by its `authorization` header; replies an empty body, or COS XML on error);
 * - `GET`/`HEAD` serve temp URLs from `storage.batchGetDownloadUrl` (authorised by `sign` and `t`).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cosErrorXml, cosRequestId } from './cosXml';
import { cloudPathProblem } from './fileId';
import type { LocalStorage } from './localStorage';
import { contentTypeFor } from './mime';
import { checkDownloadQuery, checkUploadAuthorization, type AuthCheck } from './signing';

/** Largest upload accepted, in bytes (a local guard; COS's own limit is far higher). */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Handles one raw HTTP request for storage; resolves false when the path is not under `/storage/`.
 * `body` is the request body when the server has already read it (the stream is read otherwise).
 */
export type StorageHttpHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body?: Buffer,
) => Promise<boolean>;

class TooLarge extends Error {}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** The message COS gives for each failed authorisation check. */
const authFailure = (check: Exclude<AuthCheck, 'ok'>): [string, string] =>
  check === 'expired'
    ? ['AccessDenied', 'Request has expired']
    : check === 'missing'
      ? ['AccessDenied', 'Access Denied.']
      : ['SignatureDoesNotMatch', 'The Signature you specified is invalid.'];

/** Builds the `/storage/` HTTP handler for `storage`. */
export function createStorageHttp(storage: LocalStorage): StorageHttpHandler {
  const sendError = (
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    resource: string,
  ): void => {
    const requestId = cosRequestId();
    const body = isHeadReply(res) ? '' : cosErrorXml(code, message, resource, requestId);
    res.writeHead(status, { 'content-type': 'application/xml', 'x-cos-request-id': requestId });
    res.end(body);
  };

  /** Stores one PUT upload after checking its name and authorisation. */
  const putObject = async (
    req: IncomingMessage,
    res: ServerResponse,
    objectPath: string,
    cloudPath: string,
    nowSec: number,
    body: Buffer | undefined,
  ): Promise<boolean> => {
    const resource = `/${cloudPath}`;
    const problem = cloudPathProblem(cloudPath);
    if (problem) {
      if (!body) req.resume();
      sendError(res, 400, 'InvalidObjectName', problem, resource);
      return true;
    }
    const check = checkUploadAuthorization(storage.signer, header(req, 'authorization'), objectPath, nowSec);
    if (check !== 'ok') {
      if (!body) req.resume();
      sendError(res, 403, ...authFailure(check), resource);
      return true;
    }
    let bytes: Buffer;
    try {
      bytes = body ?? (await readBody(req));
      if (bytes.length > MAX_UPLOAD_BYTES) throw new TooLarge();
    } catch (err) {
      if (!(err instanceof TooLarge)) throw err;
      sendError(
        res,
        400,
        'EntityTooLarge',
        'Your proposed upload exceeds the maximum allowed object size.',
        resource,
      );
      return true;
    }
    try {
      storage.files.write(objectPath, bytes);
    } catch (err) {
      // A file where a folder must go (or the reverse): COS could store both keys, a file system cannot.
      sendError(res, 409, 'KeyConflict', `cannot store ${cloudPath}: ${(err as Error).message}`, resource);
      return true;
    }
    res.writeHead(200, {
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      'x-cos-request-id': cosRequestId(),
      'content-length': '0',
    });
    res.end();
    return true;
  };

  return async (req, res, url, body) => {
    if (!url.pathname.startsWith('/storage/')) return false;
    const rest = url.pathname.slice('/storage/'.length);
    const slash = rest.indexOf('/');
    let bucket: string;
    let cloudPath: string;
    try {
      bucket = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
      cloudPath = slash < 0 ? '' : decodeURIComponent(rest.slice(slash + 1));
    } catch {
      sendError(res, 400, 'InvalidURI', 'Could not parse the specified URI.', url.pathname);
      return true;
    }
    const resource = `/${cloudPath}`;
    if (bucket !== storage.bucket) {
      sendError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist.', resource);
      return true;
    }
    const objectPath = `${bucket}/${cloudPath}`;
    const nowSec = Math.floor(storage.now() / 1000);

    if (req.method === 'PUT') {
      // node-sdk also sends the key as a header (encodeURIComponent(cloudPath)); it is the name exactly as
      // given, where the URL path may have been normalised (`a/../b` → `b`) on the way.
      let key = cloudPath;
      try {
        const keyHeader = header(req, 'key');
        if (keyHeader !== undefined) key = decodeURIComponent(keyHeader);
      } catch {
        // A malformed key header: fall back to the URL's path.
      }
      return putObject(req, res, `${bucket}/${key}`, key, nowSec, body);
    }

    if (req.method === 'GET' || req.method === 'HEAD') {
      const check = checkDownloadQuery(storage.signer, url.searchParams, objectPath, nowSec);
      if (check !== 'ok') {
        sendError(res, 403, ...authFailure(check), resource);
        return true;
      }
      const bytes = storage.files.read(objectPath);
      if (!bytes) {
        sendError(res, 404, 'NoSuchKey', 'The specified key does not exist.', resource);
        return true;
      }
      res.writeHead(200, {
        'content-type': contentTypeFor(cloudPath),
        'content-length': String(bytes.length),
        etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
        'x-cos-request-id': cosRequestId(),
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
      return true;
    }

    req.resume();
    sendError(
      res,
      405,
      'MethodNotAllowed',
      `The specified method is not allowed: ${req.method ?? ''}`,
      resource,
    );
    return true;
  };
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** HEAD replies carry no body. */
const isHeadReply = (res: ServerResponse): boolean => res.req.method === 'HEAD';
