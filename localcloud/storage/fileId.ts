/**
 * fileIDs, buckets and cloud paths, shaped like CloudBase's own:
 * `cloud://<env>.<hex of the env's first two chars>-<env>-<app number>/<cloudPath>`
 * (e.g. `cloud://prod-1a2b.7072-prod-1a2b-1250000000/avatars/a.png`).
 */

/** The numeric part real buckets end with (a Tencent Cloud app id); any fixed number will do locally. */
const LOCAL_APP_NUMBER = '1250000000';

/** COS rejects object keys longer than this many UTF-8 bytes. */
const MAX_CLOUD_PATH_BYTES = 850;

/** The bucket name CloudBase would give `envName`'s storage. */
export function bucketFor(envName: string): string {
  return `${Buffer.from(envName.slice(0, 2)).toString('hex')}-${envName}-${LOCAL_APP_NUMBER}`;
}

/** The fileID of `cloudPath` in `envName`'s storage. */
export function fileIdFor(envName: string, cloudPath: string): string {
  return `cloud://${envName}.${bucketFor(envName)}/${cloudPath}`;
}

/** A fileID taken apart. */
export interface ParsedFileId {
  envName: string;
  bucket: string;
  cloudPath: string;
}

/** Splits a fileID into env, bucket and cloud path; undefined when it is not a `cloud://` fileID. */
export function parseFileId(fileID: string): ParsedFileId | undefined {
  const m = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileID);
  if (!m) return undefined;
  return { envName: m[1], bucket: m[2], cloudPath: m[3] };
}

/**
 * Why `cloudPath` cannot be stored, or undefined when it can. CloudBase's rules (not empty, no leading `/`,
 * no `//`, at most 850 bytes, no control characters) plus local ones: no `.`/`..` segments or backslashes
 * (files live on disk) and no `?`, `#` or `%` (temp URLs carry the path unencoded, as CloudBase's do, and the
 * SDK runs `encodeURI` over them).
 */
export function cloudPathProblem(cloudPath: string): string | undefined {
  if (cloudPath === '') return 'cloudPath must not be empty';
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
  if (cloudPath.endsWith('/')) return 'cloudPath must name a file, not a folder';
  if (cloudPath.includes('//')) return 'cloudPath must not contain //';
  if (Buffer.byteLength(cloudPath) > MAX_CLOUD_PATH_BYTES) return 'cloudPath is longer than 850 bytes';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(cloudPath)) return 'cloudPath must not contain control characters';
  if (/[\\?#%]/.test(cloudPath)) return 'cloudPath must not contain \\ ? # or %';
  if (cloudPath.split('/').some((s) => s === '.' || s === '..'))
    return 'cloudPath must not contain . or .. segments';
  return undefined;
}
