/**
 * Image sources for pictures. Images are inlined as data URIs so each picture's HTML stands alone (the cloud it
 * came from is closed by the time anyone opens it): `cloud://` file IDs and the local cloud's temp URLs are read
 * from its storage, `/abs` and relative paths from the mini program's files. Anything else (the internet) is not
 * reachable here and is reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A readable image. */
export interface ImageSource {
  dataUri: string;
  width: number;
  height: number;
}

/** What can read a local cloud's files (its storage). */
export interface CloudFiles {
  readFile(fileID: string): Buffer | undefined;
  readTempUrl(url: string): Buffer | undefined;
}

/** Resolves `src` as written in a page under `pageDir`; undefined when it cannot be read. */
export type ImageResolver = (src: string, pageDir: string) => ImageSource | undefined;

/** Width and height from a PNG, GIF, JPEG or WebP header (undefined for other formats). */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47)
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 10 && bytes.toString('ascii', 0, 3) === 'GIF')
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (
    bytes.length >= 30 &&
    bytes.toString('ascii', 0, 4) === 'RIFF' &&
    bytes.toString('ascii', 8, 12) === 'WEBP'
  ) {
    const chunk = bytes.toString('ascii', 12, 16);
    if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
    if (chunk === 'VP8 ')
      return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = bytes.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1];
      const length = bytes.readUInt16BE(offset + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { width: bytes.readUInt16BE(offset + 7), height: bytes.readUInt16BE(offset + 5) };
      offset += 2 + length;
    }
  }
  return undefined;
}

function mimeOf(bytes: Buffer, name: string): string {
  if (bytes.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.toString('ascii', 0, 3) === 'GIF') return 'image/gif';
  if (bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  if (/\.svg$/i.test(name) || bytes.toString('utf8', 0, 200).includes('<svg')) return 'image/svg+xml';
  return 'application/octet-stream';
}

function fromBytes(bytes: Buffer, name: string): ImageSource {
  const size = imageSize(bytes) ?? { width: 0, height: 0 };
  return { dataUri: `data:${mimeOf(bytes, name)};base64,${bytes.toString('base64')}`, ...size };
}

/** A resolver reading from `files` (the shot's local cloud, if any) and the mini program at `miniprogramDir`. */
export function imageResolver(files: CloudFiles | undefined, miniprogramDir: string): ImageResolver {
  const cache = new Map<string, ImageSource | undefined>();
  const read = (src: string, pageDir: string): ImageSource | undefined => {
    if (src.startsWith('data:')) return { dataUri: src, width: 0, height: 0 };
    if (src.startsWith('cloud://')) {
      const bytes = files?.readFile(src);
      return bytes ? fromBytes(bytes, src) : undefined;
    }
    if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(src)) {
      const bytes = files?.readTempUrl(src);
      return bytes ? fromBytes(bytes, src.split('?')[0]) : undefined;
    }
    if (/^[a-z]+:/i.test(src)) return undefined;
    const file = src.startsWith('/') ? path.join(miniprogramDir, src) : path.resolve(pageDir, src);
    return existsSync(file) ? fromBytes(readFileSync(file), file) : undefined;
  };
  return (src, pageDir) => {
    const key = `${pageDir}\0${src}`;
    if (!cache.has(key)) cache.set(key, read(src, pageDir));
    return cache.get(key);
  };
}
