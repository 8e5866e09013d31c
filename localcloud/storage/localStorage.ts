/**
 * The storage engine behind the wire handlers and the gateway: files on disk, fileIDs, upload authorisations,
 * signed temp URLs, per-file results in the shapes CloudBase's storage actions reply with.
 */
import { createHash } from 'node:crypto';
import { cloudPathProblem, bucketFor, fileIdFor, parseFileId } from './fileId';
import { createFileStore, type FileStore } from './fileStore';
import {
  checkDownloadQuery,
  createSigner,
  downloadQuery,
  loadSigningKey,
  uploadAuthorization,
  type Signer,
} from './signing';

/** How long an upload authorisation from `storage.getUploadMetadata` stays valid, in seconds. */
export const UPLOAD_AUTH_SECONDS = 600;

/** Temp URL lifetime when the caller gives none (CloudBase's default: one day), in seconds. */
export const DEFAULT_MAX_AGE = 86400;

/** Options for {@link createLocalStorage}. */
export interface StorageOptions {
  /** Folder the files live in (created when missing). */
  rootDir: string;
  /** The env name fileIDs carry (`SCF_NAMESPACE`). */
  envName: string;
  /** This server's base URL, e.g. `http://127.0.0.1:8787`; a request's own base URL wins when given. */
  baseUrl?: string;
  /** Clock in milliseconds (tests move it to expire URLs). */
  now?: () => number;
}

/** What `storage.getUploadMetadata` replies with under `data`; node-sdk reads exactly these. */
export interface UploadMetadata {
  url: string;
  token: string;
  authorization: string;
  fileId: string;
  cosFileId: string;
}

/** One `file_list` item of `storage.batchGetDownloadUrl`. */
export interface TempUrlRequest {
  fileid: unknown;
  max_age?: unknown;
}

/** One `download_list` item: `code` is `SUCCESS` or a CloudBase storage error code. */
export interface DownloadEntry {
  fileID: string;
  tempFileURL: string;
  code: string;
  maxAge?: number;
  message?: string;
}

/** One `delete_list` item of `storage.batchDeleteFile`. */
export interface DeleteEntry {
  fileID: string;
  code: string;
  message?: string;
}

/** Local CloudBase storage for one env. */
export interface LocalStorage {
  readonly envName: string;
  readonly bucket: string;
  readonly rootDir: string;
  /** Current time in ms (the injected clock). */
  now(): number;
  /** The fileID a file at `cloudPath` has. */
  fileIdFor(cloudPath: string): string;
  /** Stores bytes at `cloudPath` (the mini program side's `wx.cloud.uploadFile`); returns the fileID. */
  putFile(cloudPath: string, bytes: Buffer): string;
  /** A stored file's bytes by fileID; undefined when missing or in another env. */
  readFile(fileID: string): Buffer | undefined;
  /** Upload metadata for one cloud path (the URL to PUT to and its authorisation). */
  uploadMetadata(cloudPath: string, baseUrl?: string): UploadMetadata;
  /** Signed temp URLs, one result per item, in order. */
  tempFileUrls(list: readonly TempUrlRequest[], baseUrl?: string): DownloadEntry[];
  /** Deletes files, one result per fileID, in order. */
  deleteFiles(fileIDs: readonly unknown[]): DeleteEntry[];
  /** The bytes behind a still-valid temp URL of this storage (for content checks), else undefined. */
  readTempUrl(url: string): Buffer | undefined;
  /** Objects on disk are addressed as `<bucket>/<cloudPath>`; exposed for the HTTP side. */
  readonly files: FileStore;
  /** The signer for URLs and upload authorisations; exposed for the HTTP side. */
  readonly signer: Signer;
}

const fail = (fileID: string, code: string, message: string): DownloadEntry => ({
  fileID,
  tempFileURL: '',
  code,
  message,
});

/** Encodes each path segment for an upload URL, as COS URLs are. */
const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** Creates the storage engine for one env under `rootDir`. */
export function createLocalStorage(options: StorageOptions): LocalStorage {
  const { rootDir, envName } = options;
  const now = options.now ?? Date.now;
  const bucket = bucketFor(envName);
  const files = createFileStore(rootDir);
  const signer = createSigner(loadSigningKey(rootDir));
  const nowSec = (): number => Math.floor(now() / 1000);
  const base = (given?: string): string => {
    const url = given ?? options.baseUrl;
    if (!url) throw new Error('storage needs a baseUrl to build URLs');
    return url.replace(/\/+$/, '');
  };

  /** Resolves a fileID to this env's cloud path, or a failure entry. */
  const locate = (fileID: unknown): { cloudPath: string } | { error: DownloadEntry } => {
    const id = typeof fileID === 'string' ? fileID : String(fileID);
    const parsed = typeof fileID === 'string' ? parseFileId(fileID) : undefined;
    if (!parsed || cloudPathProblem(parsed.cloudPath)) {
      return { error: fail(id, 'INVALID_PARAM', `invalid fileID: ${id}`) };
    }
    if (parsed.envName !== envName || parsed.bucket !== bucket) {
      return { error: fail(id, 'STORAGE_EXCEED_AUTHORITY', 'storage exceed authority') };
    }
    return { cloudPath: parsed.cloudPath };
  };

  const storage: LocalStorage = {
    envName,
    bucket,
    rootDir,
    files,
    signer,
    now,
    fileIdFor: (cloudPath) => fileIdFor(envName, cloudPath),

    putFile(cloudPath, bytes) {
      const problem = cloudPathProblem(cloudPath);
      if (problem) throw new Error(problem);
      files.write(`${bucket}/${cloudPath}`, bytes);
      return fileIdFor(envName, cloudPath);
    },

    readFile(fileID) {
      const where = locate(fileID);
      return 'error' in where ? undefined : files.read(`${bucket}/${where.cloudPath}`);
    },

    uploadMetadata(cloudPath, baseUrl) {
      const start = nowSec();
      const objectPath = `${bucket}/${cloudPath}`;
      const authorization = uploadAuthorization(signer, objectPath, start, start + UPLOAD_AUTH_SECONDS);
      return {
        url: `${base(baseUrl)}/storage/${encodePath(objectPath)}`,
        token: signer.sign(['token', objectPath, String(start)]),
        authorization,
        fileId: fileIdFor(envName, cloudPath),
        // COS keeps its own opaque id per object; the SDK only echoes it back in x-cos-meta-fileid.
        cosFileId: createHash('sha1').update(objectPath).digest('base64'),
      };
    },

    tempFileUrls(list, baseUrl) {
      return list.map((item): DownloadEntry => {
        const where = locate(item.fileid);
        if ('error' in where) return where.error;
        const fileID = String(item.fileid);
        const maxAge =
          item.max_age === undefined || item.max_age === null ? DEFAULT_MAX_AGE : Number(item.max_age);
        if (!Number.isInteger(maxAge) || maxAge <= 0) {
          return fail(fileID, 'INVALID_PARAM', `invalid maxAge: ${String(item.max_age)}`);
        }
        const objectPath = `${bucket}/${where.cloudPath}`;
        if (files.size(objectPath) === undefined) {
          return fail(fileID, 'STORAGE_FILE_NONEXIST', 'storage file not exist');
        }
        // The path stays unencoded, as CloudBase's temp URLs are: the SDK runs encodeURI over it.
        const query = downloadQuery(signer, objectPath, nowSec() + maxAge);
        return {
          fileID,
          tempFileURL: `${base(baseUrl)}/storage/${objectPath}?${query}`,
          code: 'SUCCESS',
          maxAge,
        };
      });
    },

    deleteFiles(fileIDs) {
      return fileIDs.map((fileID): DeleteEntry => {
        const where = locate(fileID);
        if ('error' in where) {
          return { fileID: where.error.fileID, code: where.error.code, message: where.error.message };
        }
        const removed = files.remove(`${bucket}/${where.cloudPath}`);
        return removed
          ? { fileID: String(fileID), code: 'SUCCESS' }
          : { fileID: String(fileID), code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist' };
      });
    },

    readTempUrl(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return undefined;
      }
      const prefix = `/storage/${bucket}/`;
      if (!parsed.pathname.startsWith(prefix)) return undefined;
      let cloudPath: string;
      try {
        cloudPath = decodeURIComponent(parsed.pathname.slice(prefix.length));
      } catch {
        return undefined;
      }
      const objectPath = `${bucket}/${cloudPath}`;
      if (checkDownloadQuery(signer, parsed.searchParams, objectPath, nowSec()) !== 'ok') return undefined;
      return files.read(objectPath);
    },
  };
  return storage;
}
