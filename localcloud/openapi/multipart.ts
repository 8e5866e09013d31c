/**
 * A small multipart/form-data parser for the open-API wire calls. node-sdk posts `wx.openApi` with the
 * `form-data` package: one part per request param (`action`, `apiName`, `envName`, … as text, and
 * `requestData` as a binary part with `content-type: application/octet-stream`).
 */

/** One form field: its bytes and, for file parts, the part's content type and file name. */
export interface FormPart {
  name: string;
  value: Buffer;
  contentType?: string;
  filename?: string;
}

/** The boundary of a multipart content-type header, or undefined when it is not multipart. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]).trim() : undefined;
}

/** Splits a multipart body into its parts, in order. Throws when the body is not well formed. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart: boundary not found');
  for (;;) {
    pos += delimiter.length;
    // `--` after a delimiter closes the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new Error('multipart: part headers not terminated');
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new Error('multipart: part not terminated');
    const disposition = headers.get('content-disposition') ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined) {
      parts.push({
        name,
        value: Buffer.from(body.subarray(headerEnd + 4, next)),
        contentType: headers.get('content-type'),
        filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
      });
    }
    pos = next + 2;
  }
}

/** Parses multipart into name → part (the last part wins when a name repeats). */
export function multipartFields(
  body: Buffer,
  contentType: string | undefined,
): Map<string, FormPart> | undefined {
  const boundary = multipartBoundary(contentType);
  if (!boundary) return undefined;
  return new Map(parseMultipart(body, boundary).map((p) => [p.name, p]));
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}
