/**
 * Text hygiene, in one place for every text that crosses the function boundary: what a person types (through the
 * contracts' `line`/`text` schemas) and what goes out in a subscription message (common/notify).
 */

// What a person types may carry invisible characters that must never reach a screen, a log or a
// subscription message — terminal escapes, C0/C1 controls, bidi overrides (U+202E turns "gpj.exe" around),
// lone surrogates. They are removed rather than refused (a pasted address should not fail for something its
// writer cannot see); text made only of them is then empty and refused like any empty text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANSI_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff]/g;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `raw` made safe to store and show: line breaks unified (kept only when `multiline`, else a space), tabs as
 * spaces, escapes, controls, bidi controls and lone surrogates removed, NFC-normalized, trimmed.
 */
export function cleanText(raw: string, multiline: boolean): string {
  let s = raw.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (!multiline) s = s.replace(/\n+/g, ' ');
  s = s
    .replace(ANSI_SEQUENCE, '')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(LONE_SURROGATES, '');
  return s.normalize('NFC').trim();
}

/** Whether `s` is what {@link cleanText} would leave (tests hold every text field of every contract to it). */
export function isCleanText(s: string, multiline: boolean): boolean {
  return cleanText(s, multiline) === s;
}
