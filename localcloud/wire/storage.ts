/**
 * Storage over the wire: the `/admin` actions node-sdk sends for `cloud.uploadFile`, `getTempFileURL`,
 * `deleteFile` and `downloadFile`, plus the raw `/storage/` routes its PUT and GET go to.
 * See localcloud/docs/STORAGE-AND-OPENAPI.md for the exact fields.
 */
import { createStorageHttp, type StorageHttpHandler } from '../storage/http';
import {
  createLocalStorage,
  type LocalStorage,
  type StorageOptions,
  type TempUrlRequest,
} from '../storage/localStorage';
import { CloudError } from './errors';
import type { WireHandler } from './types';

/** Local storage plus what the server wires up: `/admin` action handlers and the `/storage/` HTTP routes. */
export interface WireStorage extends LocalStorage {
  /** Handlers by action name: `storage.getUploadMetadata`, `storage.batchGetDownloadUrl`, `storage.batchDeleteFile`. */
  readonly handlers: Readonly<Record<string, WireHandler>>;
  /** Serves PUT/GET/HEAD under `/storage/`; resolves false for any other path. */
  readonly handleStorageHttp: StorageHttpHandler;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Creates storage for one env with files under `rootDir` (see {@link StorageOptions}). */
export function createStorage(options: StorageOptions): WireStorage {
  const storage = createLocalStorage(options);

  const getUploadMetadata: WireHandler = (body, ctx) => {
    if (typeof body.path !== 'string')
      throw new CloudError('INVALID_PARAM', '[InvalidParameter] path is required');
    return { data: storage.uploadMetadata(body.path, ctx.baseUrl) };
  };

  const batchGetDownloadUrl: WireHandler = (body, ctx) => {
    const list = body.file_list;
    if (!Array.isArray(list))
      throw new CloudError('INVALID_PARAM', '[InvalidParameter] file_list must be an array');
    const items: TempUrlRequest[] = list.map((item: unknown) =>
      isRecord(item) ? { fileid: item.fileid, max_age: item.max_age } : { fileid: item },
    );
    return { data: { download_list: storage.tempFileUrls(items, ctx.baseUrl) } };
  };

  const batchDeleteFile: WireHandler = (body) => {
    const list = body.fileid_list;
    if (!Array.isArray(list))
      throw new CloudError('INVALID_PARAM', '[InvalidParameter] fileid_list must be an array');
    return { data: { delete_list: storage.deleteFiles(list) } };
  };

  return Object.assign(storage, {
    handlers: {
      'storage.getUploadMetadata': getUploadMetadata,
      'storage.batchGetDownloadUrl': batchGetDownloadUrl,
      'storage.batchDeleteFile': batchDeleteFile,
    },
    handleStorageHttp: createStorageHttp(storage),
  });
}
