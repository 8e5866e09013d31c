/**
 * cloud.openapi through the real wx-server-sdk: content checks against the local word list and media markers,
 * subscription messages into the outbox, and the platform errors the SDK throws — plus the protobuf codec
 * checked against the SDK's own generated messages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RISKY_MEDIA_MARKER, REVIEW_MEDIA_MARKER } from '../../localcloud/openapi/mediaMarker';
import { createOutbox, readOutboxFile, type Outbox } from '../../localcloud/openapi/outbox';
import {
  decodeCommApiData,
  decodeCommOpenApiResp,
  encodeCommApiData,
  encodeCommOpenApiResp,
} from '../../localcloud/openapi/protobuf';
import {
  checkText,
  loadWordList,
  normalizeText,
  parseWordList,
} from '../../localcloud/openapi/sensitiveWords';
import { createOpenApi, type LocalOpenApi } from '../../localcloud/wire/openapi';
import { createStorage, type WireStorage } from '../../localcloud/wire/storage';
import type { InvocationInfo } from '../../localcloud/wire/types';
import {
  connectSdkTo,
  startWireHarness,
  type WireHarness,
  type WxServerSdkStorage,
} from '../support/wireHarness';

const ENV = 'mulin-test';
const TRACE_ID = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
const NOTIFIER: InvocationInfo = {
  id: 'inv-notify-1',
  functionName: 'notify',
  openid: 'o-admin-1',
  dbRoundTrips: 0,
};

let dir: string;
let outbox: Outbox;
let storage: WireStorage;
let openapi: LocalOpenApi;
let harness: WireHarness;
let cloud: WxServerSdkStorage;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mulin-openapi-'));
  outbox = createOutbox(join(dir, 'outbox.jsonl'));
  storage = createStorage({ rootDir: join(dir, 'storage'), envName: ENV });
  openapi = createOpenApi({
    outbox,
    readMedia: (url) => storage.readTempUrl(url),
    // `notify` declares only msgSecCheck in its config.json permissions.
    permissions: (name) => (name === 'notify' ? ['security.msgSecCheck'] : undefined),
  });
  harness = await startWireHarness({
    envName: ENV,
    handlers: { ...storage.handlers, ...openapi.handlers },
    routes: [storage.handleStorageHttp],
    invocations: new Map([[NOTIFIER.id, NOTIFIER]]),
  });
  cloud = connectSdkTo(harness);
});

afterAll(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => outbox.clear());

describe('security.msgSecCheck v1', () => {
  it('passes clean text', async () => {
    await expect(
      cloud.openapi.security.msgSecCheck({ content: '周六上午社区义诊，欢迎参加' }),
    ).resolves.toEqual({
      errMsg: 'openapi.security.msgSecCheck:ok',
      errCode: 0,
    });
  });

  it.each(['一起赌博吧', '来 赌 · 博', '看ＰＯＲＮ视频', '兼职-刷-单日赚千元'])(
    'throws 87014 risky content for %s',
    async (content) => {
      await expect(cloud.openapi.security.msgSecCheck({ content })).rejects.toMatchObject({
        errCode: 87014,
        errMsg: expect.stringMatching(/^openapi\.security\.msgSecCheck:fail risky content rid: /),
      });
    },
  );

  it('lets review-only terms pass, as v1 knows only risky or not', async () => {
    await expect(cloud.openapi.security.msgSecCheck({ content: '有意者加微信' })).resolves.toMatchObject({
      errCode: 0,
    });
  });

  it('sends the call as wx.openApi multipart with the api name', async () => {
    await cloud.openapi.security.msgSecCheck({ content: '你好' });
    const last = harness.requests[harness.requests.length - 1];

    expect(last.action).toBe('wx.openApi');
    expect(last.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(last.fields).toMatchObject({ apiName: 'security.msgSecCheck', envName: ENV });
    expect(last.fields.requestData).toMatch(/^<application\/octet-stream, \d+ bytes>$/);
  });
});

describe('security.msgSecCheck v2', () => {
  const v2 = (content: string) =>
    cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: 'o-user-1' });

  it('returns a pass verdict with a trace id', async () => {
    const res = await v2('谢谢志愿者们');

    expect(res).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 } });
    expect(res.traceId).toMatch(TRACE_ID);
    expect(res.detail).toEqual([
      { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 0 },
    ]);
  });

  it('returns risky with the label of the risky term and every keyword hit in detail', async () => {
    const res = await v2('网 赌 稳赚不赔，加微信');

    expect(res.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(res.detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ strategy: 'keyword', suggest: 'risky', label: 20006, keyword: '网赌' }),
        expect.objectContaining({ strategy: 'keyword', suggest: 'review', label: 21000, keyword: '加微信' }),
      ]),
    );
  });

  it('returns review for borderline terms only', async () => {
    expect((await v2('代购进口奶粉')).result).toEqual({ suggest: 'review', label: 21000 });
  });

  it('throws 40003 without an openid and 47001 for a scene outside 1–4', async () => {
    await expect(
      cloud.openapi.security.msgSecCheck({ content: 'x', version: 2, scene: 1 }),
    ).rejects.toMatchObject({
      errCode: 40003,
    });
    await expect(
      cloud.openapi.security.msgSecCheck({ content: 'x', version: 2, scene: 9, openid: 'o-user-1' }),
    ).rejects.toMatchObject({ errCode: 47001 });
  });
});

describe('the word list', () => {
  it('ships every category with terms and normalises spacing, punctuation, width and case', () => {
    const list = loadWordList();
    const categories = new Set(list.terms.map((t) => t.category));

    expect([...categories]).toEqual(
      expect.arrayContaining(['gambling', 'fraud', 'porn', 'violence', 'review']),
    );
    expect(list.terms.length).toBeGreaterThan(60);
    expect(normalizeText('赌 博！Ｐｏｒｎ')).toBe('赌博porn');
    expect(checkText(list, '社区上门服务和理财讲座').suggest).toBe('pass');
  });

  it('does not refuse the words community notices use against a harm (防诈骗, 禁毒, 远离赌博)', () => {
    const list = loadWordList();
    expect(checkText(list, '社区防诈骗讲座').suggest).toBe('pass');
    expect(checkText(list, '远离赌博，拒绝赌博').suggest).toBe('pass');
    expect(checkText(list, '来赌博吧').suggest).toBe('risky');
  });

  it('can be replaced by a caller-supplied list', () => {
    const custom = createOpenApi({
      outbox: createOutbox(),
      words: parseWordList('[fraud 20008]\n测试 违禁词\n'),
    });

    expect(custom.call('security.msgSecCheck', { content: '这是测试违禁词' })).toMatchObject({
      errcode: 87014,
    });
    expect(custom.call('security.msgSecCheck', { content: '赌博' })).toEqual({ errcode: 0, errmsg: 'ok' });
  });
});

describe('security.imgSecCheck and mediaCheckAsync', () => {
  const png = (extra = '') => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(extra)]);

  it('passes images without the marker and throws 87014 for images carrying it', async () => {
    const check = (value: Buffer) =>
      cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/png', value } });

    await expect(check(png())).resolves.toMatchObject({ errCode: 0 });
    await expect(check(png(RISKY_MEDIA_MARKER))).rejects.toMatchObject({ errCode: 87014 });
  });

  it('throws 41005 when the media is missing', async () => {
    await expect(cloud.openapi.security.imgSecCheck({})).rejects.toMatchObject({ errCode: 41005 });
  });

  it('answers mediaCheckAsync with a trace id and records the verdict WeChat would push', async () => {
    const { fileID } = await cloud.uploadFile({
      cloudPath: 'posts/p1.png',
      fileContent: png(REVIEW_MEDIA_MARKER),
    });
    const url = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL;
    const ask = (mediaUrl: string) =>
      cloud.openapi.security.mediaCheckAsync({
        mediaUrl,
        mediaType: 2,
        version: 2,
        scene: 3,
        openid: 'o-user-1',
      });

    const fromFile = await ask(url);
    const fromUrl = await ask(`https://example.com/${RISKY_MEDIA_MARKER}.png`);
    const clean = await ask('https://example.com/ok.png');

    expect(fromFile.traceId).toMatch(TRACE_ID);
    const verdicts = new Map(openapi.mediaChecks().map((e) => [e.traceId, e]));
    expect(verdicts.get(String(fromFile.traceId))).toMatchObject({
      mediaUrl: url,
      result: { suggest: 'review' },
    });
    expect(verdicts.get(String(fromUrl.traceId))?.result).toEqual({ suggest: 'risky', label: 20002 });
    expect(verdicts.get(String(clean.traceId))?.result).toEqual({ suggest: 'pass', label: 100 });
  });

  it('throws 47001 for a missing media_url', async () => {
    await expect(cloud.openapi.security.mediaCheckAsync({ mediaType: 2 })).rejects.toMatchObject({
      errCode: 47001,
    });
  });
});

describe('subscribeMessage.send', () => {
  const message = {
    touser: 'o-user-1',
    templateId: 'TPL-ORDER-ACCEPTED',
    page: 'pages/services/order/index?id=o1',
    data: {
      thing1: { value: '助老理发' },
      time2: { value: '2025-05-01 09:30' },
      character_string3: { value: 'SO-1' },
    },
    miniprogramState: 'developer',
  };

  it('replies a msgid and records the message in the outbox file', async () => {
    const res = await cloud.openapi.subscribeMessage.send(message);

    expect(res).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect(Number.isSafeInteger(res.msgid)).toBe(true);
    const [entry] = outbox.list();
    expect(entry).toMatchObject({
      msgid: res.msgid,
      touser: 'o-user-1',
      templateId: 'TPL-ORDER-ACCEPTED',
      page: 'pages/services/order/index?id=o1',
      data: message.data,
      miniprogramState: 'developer',
    });
    expect(Date.parse(entry.time)).toBeGreaterThan(Date.now() - 60_000);
    expect(readOutboxFile(join(dir, 'outbox.jsonl'))).toEqual([entry]);
    expect(readFileSync(join(dir, 'outbox.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('filters the outbox and clears it', async () => {
    await cloud.openapi.subscribeMessage.send(message);
    await cloud.openapi.subscribeMessage.send({ ...message, touser: 'o-user-2' });

    expect(outbox.list({ touser: 'o-user-2' }).map((e) => e.touser)).toEqual(['o-user-2']);
    expect(outbox.list({ templateId: 'OTHER' })).toEqual([]);
    outbox.clear();
    expect(outbox.list()).toEqual([]);
  });

  it.each([
    ['touser', { ...message, touser: undefined }, 'touser is empty'],
    ['templateId', { ...message, templateId: '' }, 'template_id is empty'],
    ['data', { ...message, data: undefined }, 'data is empty'],
    ['an empty value', { ...message, data: { thing1: { value: '' } } }, 'data.thing1.value is empty'],
    [
      'a thing over 20 characters',
      { ...message, data: { thing1: { value: '一'.repeat(21) } } },
      'data.thing1.value invalid',
    ],
    [
      'a non-template key',
      { ...message, data: { title: { value: 'x' } } },
      'data.title is not a template field',
    ],
    ['a bad miniprogram_state', { ...message, miniprogramState: 'prod' }, 'miniprogram_state invalid'],
  ])('throws 47003 argument invalid for %s and records nothing', async (_what, params, why) => {
    await expect(cloud.openapi.subscribeMessage.send(params)).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining(`argument invalid! ${why}`),
    });
    expect(outbox.list()).toEqual([]);
  });
});

describe('platform errors and the calling invocation', () => {
  afterEach(() => {
    cloud = connectSdkTo(harness);
  });

  it('throws -604100 for an API the platform does not know', async () => {
    await expect(cloud.openapi.wxacode.getUnlimitedNope({ scene: 'x' })).rejects.toMatchObject({
      errCode: -604100,
    });
  });

  it('enforces a function’s openapi permissions and records which invocation sent a message', async () => {
    cloud = connectSdkTo(harness, NOTIFIER.id);

    await expect(cloud.openapi.security.msgSecCheck({ content: '你好' })).resolves.toMatchObject({
      errCode: 0,
    });
    await expect(
      cloud.openapi.subscribeMessage.send({
        touser: 'o-user-1',
        templateId: 'T',
        data: { thing1: { value: 'x' } },
      }),
    ).rejects.toMatchObject({ errCode: -604101 });
    expect(outbox.list()).toEqual([]);

    const open = createOpenApi({ outbox });
    open.call(
      'subscribeMessage.send',
      { touser: 'o-user-1', template_id: 'T', data: { thing1: { value: 'x' } } },
      NOTIFIER,
    );
    expect(outbox.list({ functionName: 'notify' })[0].sentBy).toEqual({
      invocationId: 'inv-notify-1',
      functionName: 'notify',
      openid: 'o-admin-1',
    });
  });

  it('replies a CloudBase INVALID_PARAM error for a request that is not a CommApiData', async () => {
    expect(() =>
      openapi.handler(
        { action: 'wx.openApi', apiName: 'security.msgSecCheck', requestData: Buffer.from([0x0a, 0xff]) },
        { baseUrl: harness.baseUrl, headers: {}, rawBody: Buffer.alloc(0) },
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
  });
});

describe('the protobuf codec', () => {
  interface PbMessage {
    encode(message: Record<string, unknown>): { finish(): Uint8Array };
    decode(buf: Uint8Array): Record<string, unknown>;
  }
  // The SDK's own generated messages, registered on its protobufjs when wx-server-sdk loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pb = require('wx-server-sdk/node_modules/protobufjs/minimal') as {
    roots: Record<string, Record<string, PbMessage>>;
  };
  const sdkMessages = () => pb.roots.default;

  it('decodes what the SDK encodes, media pairs included', () => {
    const buf = sdkMessages()
      .CommApiData.encode({
        apiType: 0,
        openapiData: {
          pairs: [
            { key: 'content', value: Buffer.from('"hi"') },
            { key: 'media', value: Buffer.from([1, 2]), filename: 'media.png' },
          ],
        },
        appid: 'wx123',
      })
      .finish();

    const decoded = decodeCommApiData(Buffer.from(buf));
    expect(decoded).toMatchObject({ apiType: 0, appid: 'wx123' });
    expect(decoded.pairs.map((p) => [p.key, p.value.toString('hex'), p.filename])).toEqual([
      ['content', Buffer.from('"hi"').toString('hex'), ''],
      ['media', '0102', 'media.png'],
    ]);
  });

  it('encodes replies the SDK decodes, negative error codes included', () => {
    const ours = encodeCommOpenApiResp({
      respData: Buffer.from('{}'),
      contentType: 'application/json',
      errorCode: -604101,
      httpCode: 200,
      headers: [{ key: 'a', value: 'b' }],
    });
    const sdk = sdkMessages().CommOpenApiResp.decode(ours);

    expect(sdk).toMatchObject({ contentType: 'application/json', errorCode: -604101, httpCode: 200 });
    expect(decodeCommOpenApiResp(ours)).toMatchObject({
      errorCode: -604101,
      headers: [{ key: 'a', value: 'b' }],
    });
    expect(decodeCommApiData(encodeCommApiData([{ key: 'k', value: Buffer.from('1') }])).pairs[0].key).toBe(
      'k',
    );
  });
});
