/**
 * The two protobuf messages of `wx.openApi`, by hand (field numbers from wx-server-sdk 4.0.2's generated
 * `src/protobuf/openapi.js`), so the local cloud needs no protobuf runtime of its own:
 *
 *     CommApiData      { 1 apiType: int32 (0 OPEN_API, 1 INNER_API, 2 SVRKIT_API, 3 TOKEN_API),
 *                        2 openapiData: OpenApiData, 3 innerData, 4 svrkitData: SvrkitApiData, 5 tokenData,
 *                        6 appid: string }
 *     OpenApiData      { 1 pairs: repeated KeyValuePair }
 *     KeyValuePair     { 1 key: string, 2 value: bytes, 3 contenttype: string, 4 filename: string }
 *     SvrkitApiData    { 1 apiName: string, 2 reqData: bytes }
 *     CommOpenApiResp  { 1 respData: bytes, 2 contentType: string, 3 errorCode: int32, 4 httpCode: uint32,
 *                        5 headers: repeated HttpHeader { 1 key, 2 value }, 6 svrkitErrorCode: int32 }
 */

/** API kinds `CommApiData.apiType` distinguishes. */
export const ApiType = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const;

/** One parameter of an open-API call: JSON bytes, or a media file when `contenttype` is set. */
export interface KeyValuePair {
  key: string;
  value: Buffer;
  contenttype: string;
  filename: string;
}

/** A decoded `CommApiData` request (inner and token data are skipped: the local cloud does not serve them). */
export interface CommApiData {
  apiType: number;
  pairs: KeyValuePair[];
  svrkit?: { apiName: string; reqData: Buffer };
  appid: string;
}

/** The reply message the SDK decodes. */
export interface CommOpenApiResp {
  respData?: Buffer;
  contentType?: string;
  errorCode?: number;
  httpCode?: number;
  headers?: { key: string; value: string }[];
  svrkitErrorCode?: number;
}

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;

/** Reads protobuf wire format from a buffer. */
class Reader {
  pos = 0;
  constructor(
    private readonly buf: Buffer,
    private readonly end = buf.length,
  ) {}
  get done(): boolean {
    return this.pos >= this.end;
  }
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.end) throw new Error('protobuf: truncated varint');
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
    throw new Error('protobuf: varint too long');
  }
  /** An int32 field: low 32 bits, signed (negative values arrive sign-extended to 64 bits). */
  int32(): number {
    return Number(BigInt.asIntN(32, this.varint()));
  }
  bytes(): Buffer {
    const len = Number(this.varint());
    if (this.pos + len > this.end) throw new Error('protobuf: truncated field');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  sub(): Reader {
    const len = Number(this.varint());
    if (this.pos + len > this.end) throw new Error('protobuf: truncated message');
    const r = new Reader(this.buf, this.pos + len);
    r.pos = this.pos;
    this.pos += len;
    return r;
  }
  skip(wireType: number): void {
    if (wireType === WIRE_VARINT) this.varint();
    else if (wireType === WIRE_I64) this.pos += 8;
    else if (wireType === WIRE_LEN) this.bytes();
    else if (wireType === WIRE_I32) this.pos += 4;
    else throw new Error(`protobuf: unsupported wire type ${wireType}`);
  }
  /** Field number and wire type of the next field. */
  tag(): [number, number] {
    const t = Number(this.varint());
    return [t >>> 3, t & 7];
  }
}

/** Writes protobuf wire format. */
class Writer {
  private readonly parts: Buffer[] = [];
  private varint(value: bigint): void {
    // Negative int32s go out as 64-bit two's complement (10 bytes), as protobufjs writes them.
    let v = BigInt.asUintN(64, value);
    const out: number[] = [];
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
    this.parts.push(Buffer.from(out));
  }
  private tag(field: number, wireType: number): void {
    this.varint(BigInt((field << 3) | wireType));
  }
  int(field: number, value: number): this {
    this.tag(field, WIRE_VARINT);
    this.varint(BigInt(value));
    return this;
  }
  bytes(field: number, value: Buffer): this {
    this.tag(field, WIRE_LEN);
    this.varint(BigInt(value.length));
    this.parts.push(value);
    return this;
  }
  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, 'utf8'));
  }
  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

function decodePair(r: Reader): KeyValuePair {
  const pair: KeyValuePair = { key: '', value: Buffer.alloc(0), contenttype: '', filename: '' };
  while (!r.done) {
    const [field, wt] = r.tag();
    if (field === 1 && wt === WIRE_LEN) pair.key = r.bytes().toString('utf8');
    else if (field === 2 && wt === WIRE_LEN) pair.value = Buffer.from(r.bytes());
    else if (field === 3 && wt === WIRE_LEN) pair.contenttype = r.bytes().toString('utf8');
    else if (field === 4 && wt === WIRE_LEN) pair.filename = r.bytes().toString('utf8');
    else r.skip(wt);
  }
  return pair;
}

function decodeSvrkit(r: Reader): { apiName: string; reqData: Buffer } {
  const out = { apiName: '', reqData: Buffer.alloc(0) };
  while (!r.done) {
    const [field, wt] = r.tag();
    if (field === 1 && wt === WIRE_LEN) out.apiName = r.bytes().toString('utf8');
    else if (field === 2 && wt === WIRE_LEN) out.reqData = Buffer.from(r.bytes());
    else r.skip(wt);
  }
  return out;
}

/** Decodes the `requestData` of a `wx.openApi` call. Throws on malformed input. */
export function decodeCommApiData(buf: Buffer): CommApiData {
  const r = new Reader(buf);
  const msg: CommApiData = { apiType: ApiType.OPEN_API, pairs: [], appid: '' };
  while (!r.done) {
    const [field, wt] = r.tag();
    if (field === 1 && wt === WIRE_VARINT) msg.apiType = r.int32();
    else if (field === 2 && wt === WIRE_LEN) {
      const sub = r.sub();
      while (!sub.done) {
        const [f, w] = sub.tag();
        if (f === 1 && w === WIRE_LEN) msg.pairs.push(decodePair(sub.sub()));
        else sub.skip(w);
      }
    } else if (field === 4 && wt === WIRE_LEN) msg.svrkit = decodeSvrkit(r.sub());
    else if (field === 6 && wt === WIRE_LEN) msg.appid = r.bytes().toString('utf8');
    else r.skip(wt);
  }
  return msg;
}

/** Encodes a `CommOpenApiResp` (fields left undefined are omitted, as protobufjs does). */
export function encodeCommOpenApiResp(resp: CommOpenApiResp): Buffer {
  const w = new Writer();
  if (resp.respData !== undefined) w.bytes(1, resp.respData);
  if (resp.contentType !== undefined) w.string(2, resp.contentType);
  if (resp.errorCode !== undefined) w.int(3, resp.errorCode);
  if (resp.httpCode !== undefined) w.int(4, resp.httpCode);
  for (const h of resp.headers ?? []) {
    w.bytes(5, new Writer().string(1, h.key).string(2, h.value).finish());
  }
  if (resp.svrkitErrorCode !== undefined) w.int(6, resp.svrkitErrorCode);
  return w.finish();
}

/** Encodes a `CommApiData` carrying open-API pairs (what wx-server-sdk sends; used by tests and tools). */
export function encodeCommApiData(pairs: readonly Partial<KeyValuePair>[], appid?: string): Buffer {
  const data = new Writer();
  for (const p of pairs) {
    const pw = new Writer();
    if (p.key !== undefined) pw.string(1, p.key);
    if (p.value !== undefined) pw.bytes(2, p.value);
    if (p.contenttype) pw.string(3, p.contenttype);
    if (p.filename) pw.string(4, p.filename);
    data.bytes(1, pw.finish());
  }
  const w = new Writer().int(1, ApiType.OPEN_API).bytes(2, data.finish());
  if (appid) w.string(6, appid);
  return w.finish();
}

/** Decodes a `CommOpenApiResp` (for tests and tools that read replies without the SDK). */
export function decodeCommOpenApiResp(buf: Buffer): CommOpenApiResp {
  const r = new Reader(buf);
  const msg: CommOpenApiResp = { headers: [] };
  while (!r.done) {
    const [field, wt] = r.tag();
    if (field === 1 && wt === WIRE_LEN) msg.respData = Buffer.from(r.bytes());
    else if (field === 2 && wt === WIRE_LEN) msg.contentType = r.bytes().toString('utf8');
    else if (field === 3 && wt === WIRE_VARINT) msg.errorCode = r.int32();
    else if (field === 4 && wt === WIRE_VARINT) msg.httpCode = Number(BigInt.asUintN(32, r.varint()));
    else if (field === 5 && wt === WIRE_LEN) {
      const h = r.sub();
      const header = { key: '', value: '' };
      while (!h.done) {
        const [f, w] = h.tag();
        if (f === 1 && w === WIRE_LEN) header.key = h.bytes().toString('utf8');
        else if (f === 2 && w === WIRE_LEN) header.value = h.bytes().toString('utf8');
        else h.skip(w);
      }
      msg.headers?.push(header);
    } else if (field === 6 && wt === WIRE_VARINT) msg.svrkitErrorCode = r.int32();
    else r.skip(wt);
  }
  return msg;
}
