/**
 * Storage through the real wx-server-sdk: uploadFile, getTempFileURL, downloadFile and deleteFile against the
 * local storage handlers, with the error results CloudBase gives (per-file codes, thrown download errors).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bucketFor } from '../../localcloud/storage/fileId';
import { createStorage, type WireStorage } from '../../localcloud/wire/storage';
import {
  connectSdkTo,
  startWireHarness,
  type WireHarness,
  type WxServerSdkStorage,
} from '../support/wireHarness';

const ENV = 'mulin-test';
const BUCKET = bucketFor(ENV);

let rootDir: string;
let clockOffset = 0;
let storage: WireStorage;
let harness: WireHarness;
let cloud: WxServerSdkStorage;

beforeAll(async () => {
  rootDir = mkdtempSync(join(tmpdir(), 'mulin-storage-'));
  storage = createStorage({ rootDir, envName: ENV, now: () => Date.now() + clockOffset });
  harness = await startWireHarness({
    envName: ENV,
    handlers: storage.handlers,
    routes: [storage.handleStorageHttp],
  });
  cloud = connectSdkTo(harness);
});

afterAll(async () => {
  await harness.close();
  rmSync(rootDir, { recursive: true, force: true });
});

afterEach(() => {
  clockOffset = 0;
});

const fileIdOf = (cloudPath: string): string => `cloud://${ENV}.${BUCKET}/${cloudPath}`;

describe('uploadFile', () => {
  it('stores the bytes on disk and returns a CloudBase-shaped fileID', async () => {
    const res = await cloud.uploadFile({
      cloudPath: 'avatars/u1.png',
      fileContent: Buffer.from('png-bytes'),
    });

    expect(res.errMsg).toBe('uploadFile:ok');
    expect(res.fileID).toBe(fileIdOf('avatars/u1.png'));
    expect(BUCKET).toBe('6d75-mulin-test-1250000000'); // hex of "mu", env, app number — as real buckets
    expect(readFileSync(join(rootDir, BUCKET, 'avatars/u1.png'), 'utf8')).toBe('png-bytes');
    const meta = harness.requests.find((r) => r.action === 'storage.getUploadMetadata');
    expect(meta?.fields).toMatchObject({ path: 'avatars/u1.png', method: 'put', envName: ENV });
  });

  it('keeps non-ASCII names and replaces a file uploaded twice', async () => {
    await cloud.uploadFile({ cloudPath: '活动/海报 1.jpg', fileContent: Buffer.from('v1') });
    const res = await cloud.uploadFile({ cloudPath: '活动/海报 1.jpg', fileContent: Buffer.from('v2') });

    const down = await cloud.downloadFile({ fileID: res.fileID });
    expect(down.fileContent.toString()).toBe('v2');
  });

  it.each([
    ['a/../b.png', '. or ..'],
    ['/leading.png', 'must not start with /'],
    ['a//b.png', '//'],
    ['what?.png', '? # or %'],
  ])('rejects the invalid cloud path %s with a COS InvalidObjectName error', async (cloudPath, reason) => {
    const upload = cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') });

    await expect(upload).rejects.toMatchObject({ errMsg: expect.stringContaining('[InvalidObjectName]') });
    await expect(upload).rejects.toMatchObject({ errMsg: expect.stringContaining(reason) });
  });

  it('refuses a PUT whose authorisation is forged or has expired', async () => {
    const meta = storage.uploadMetadata('forged.txt', harness.baseUrl);
    const forged = await fetch(meta.url, {
      method: 'PUT',
      headers: {
        authorization: meta.authorization.replace(/q-signature=\w+/, `q-signature=${'0'.repeat(64)}`),
      },
      body: 'x',
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    clockOffset = 601_000;
    const late = await fetch(meta.url, {
      method: 'PUT',
      headers: { authorization: meta.authorization },
      body: 'x',
    });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('<Message>Request has expired</Message>');
    expect(existsSync(join(rootDir, BUCKET, 'forged.txt'))).toBe(false);
  });
});

describe('getTempFileURL', () => {
  beforeAll(async () => {
    await cloud.uploadFile({ cloudPath: 'docs/notice.txt', fileContent: Buffer.from('社区通知') });
  });

  it('returns signed URLs that serve the bytes with a content type from the extension', async () => {
    const res = await cloud.getTempFileURL({
      fileList: [fileIdOf('docs/notice.txt'), { fileID: fileIdOf('avatars/u1.png'), maxAge: 60 }],
    });

    expect(res.fileList).toEqual([
      expect.objectContaining({
        fileID: fileIdOf('docs/notice.txt'),
        status: 0,
        errMsg: 'ok',
        maxAge: 86400,
      }),
      expect.objectContaining({ fileID: fileIdOf('avatars/u1.png'), status: 0, errMsg: 'ok', maxAge: 60 }),
    ]);
    const [text, image] = res.fileList;
    expect(text.tempFileURL).toMatch(
      new RegExp(`^${harness.baseUrl}/storage/${BUCKET}/docs/notice.txt\\?sign=\\w+&t=\\d+$`),
    );

    const got = await fetch(encodeURI(text.tempFileURL));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await got.text()).toBe('社区通知');
    const img = await fetch(encodeURI(image.tempFileURL), { method: 'HEAD' });
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('content-length')).toBe(String(Buffer.byteLength('png-bytes')));
  });

  it('refuses a URL once its maxAge has passed, or when its signature is altered', async () => {
    const res = await cloud.getTempFileURL({
      fileList: [{ fileID: fileIdOf('docs/notice.txt'), maxAge: 30 }],
    });
    const url = encodeURI(res.fileList[0].tempFileURL);

    expect((await fetch(url)).status).toBe(200);
    const tampered = await fetch(url.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 3600}`));
    expect(tampered.status).toBe(403);
    clockOffset = 31_000;
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('reports per-file codes for missing, foreign and malformed fileIDs', async () => {
    const res = await cloud.getTempFileURL({
      fileList: [fileIdOf('nope.png'), 'cloud://other-env.6f74-other-env-1250000000/a.png', 'not-a-file-id'],
    });

    expect(res.fileList).toEqual([
      {
        fileID: fileIdOf('nope.png'),
        status: -503003,
        errMsg: 'storage file not exists',
        tempFileURL: '',
        maxAge: undefined,
      },
      expect.objectContaining({ status: -503002, errMsg: 'storage permission denied', tempFileURL: '' }),
      expect.objectContaining({ fileID: 'not-a-file-id', status: -501007, tempFileURL: '' }),
    ]);
  });

  it('keeps URLs valid across a restart on the same root (the signing key is stored there)', async () => {
    const res = await cloud.getTempFileURL({ fileList: [fileIdOf('docs/notice.txt')] });
    const again = createStorage({ rootDir, envName: ENV });

    expect(again.readTempUrl(encodeURI(res.fileList[0].tempFileURL))?.toString()).toBe('社区通知');
  });
});

describe('downloadFile', () => {
  it('returns the file content', async () => {
    const res = await cloud.downloadFile({ fileID: fileIdOf('avatars/u1.png') });

    expect(res).toMatchObject({ statusCode: 200, errMsg: 'downloadFile:ok' });
    expect(res.fileContent.toString()).toBe('png-bytes');
  });

  it('rejects a missing file as the pinned SDK does (TcbError code STORAGE_FILE_NONEXIST, errCode -1)', async () => {
    const download = cloud.downloadFile({ fileID: fileIdOf('missing.png') });

    await expect(download).rejects.toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
      errCode: -1,
      errMsg: 'downloadFile:fail storage file not exist',
    });
  });
});

describe('deleteFile', () => {
  it('deletes each file once and reports the rest per file', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/gone.txt', fileContent: Buffer.from('bye') });

    const res = await cloud.deleteFile({ fileList: [fileID, fileID, 'garbage'] });

    expect(res.errMsg).toBe('deleteFile:ok');
    expect(res.fileList).toEqual([
      { fileID, status: 0, errMsg: 'ok' },
      { fileID, status: -503003, errMsg: 'storage file not exists' },
      { fileID: 'garbage', status: -501007, errMsg: 'invalid parameters' },
    ]);
    expect(existsSync(join(rootDir, BUCKET, 'tmp/gone.txt'))).toBe(false);
    await expect(cloud.downloadFile({ fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });
});

describe('putFile / readFile (the mini program side)', () => {
  it('stores files the SDK can read, and reads files the SDK uploaded', async () => {
    const fileID = storage.putFile('client/photo.jpg', Buffer.from('from-client'));
    expect(fileID).toBe(fileIdOf('client/photo.jpg'));
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('from-client');

    expect(storage.readFile(fileIdOf('avatars/u1.png'))?.toString()).toBe('png-bytes');
    expect(storage.readFile(fileIdOf('missing.png'))).toBeUndefined();
    expect(storage.readFile('cloud://other-env.6f74-other-env-1250000000/avatars/u1.png')).toBeUndefined();
    expect(() => storage.putFile('../escape.txt', Buffer.from('x'))).toThrow('. or ..');
  });
});
