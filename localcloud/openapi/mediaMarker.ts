/**
 * How tests make media fail the local content check: put a marker in the bytes (any position; e.g. append
 * it to a PNG) or in the media URL. WeChat's real models obviously look at the picture instead.
 */

/** Media containing this (bytes or URL) is `risky`: imgSecCheck replies 87014, mediaCheckAsync reports risky. */
export const RISKY_MEDIA_MARKER = 'LOCALCLOUD-RISKY';

/** Media containing this is `review` in mediaCheckAsync's verdict (imgSecCheck, v1 only, lets it pass). */
export const REVIEW_MEDIA_MARKER = 'LOCALCLOUD-REVIEW';

/** The verdict on a piece of media from its bytes and/or URL. */
export function mediaVerdict(bytes: Buffer | undefined, url?: string): 'pass' | 'review' | 'risky' {
  const has = (marker: string): boolean =>
    (bytes !== undefined && bytes.includes(marker)) ||
    (url !== undefined && url.toUpperCase().includes(marker));
  if (has(RISKY_MEDIA_MARKER)) return 'risky';
  if (has(REVIEW_MEDIA_MARKER)) return 'review';
  return 'pass';
}
