/**
 * The wording scan every picture gets (issue 15 item 7): no developer words on a screen meant for residents,
 * volunteers and social workers. The text is what Chromium shows (camera/readability.ts), line by line. Node only.
 */

/**
 * Latin words that are ordinary Chinese screen text: units and names a phone user reads as words. Anything
 * else in Latin letters is an English word, a code or an id.
 */
export const ALLOWED_LATIN = new Set([
  'OK',
  'TA', // 他/她, as Chinese writes it
  'kg',
  'km',
  'g',
  'm',
  'S', // clothing sizes (L号)
  'M',
  'L',
  'XL',
  'XXL',
  'WiFi',
  'Excel',
]);

/**
 * Codes people read out or type (a pickup code, a certificate number): groups of four capitals and digits,
 * `K7Q2-9XMB`, as common/ makes them. Shown on purpose, so not flagged as English or hex.
 */
const READABLE_CODE = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4})+\b/g;

/**
 * The donation chain's record numbers, labelled and explained (记录编号 after 核验, the public ledger's 指纹 and
 * 公示编号): the one place hex is meant to be read, to compare with the ledger.
 */
const LABELLED_RECORD = /(记录编号|指纹：|公示编号) ?[0-9a-f]{6,}/g;

/** What the scan flags, each with a pattern over one line of screen text. */
const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'ISO date', pattern: /\b\d{4}-\d{1,2}-\d{1,2}\b|\d{4}-\d{2}-\d{2}T\d{2}|\b\d{4}\/\d{2}\/\d{2}\b/ },
  { name: 'hex string', pattern: /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/i },
  { name: 'raw id', pattern: /\bdemo-[a-z0-9-]+|\b[A-Za-z0-9_-]{20,}\b|\b_?openid\b|\b_id\b/ },
  { name: 'programming word', pattern: /\b(undefined|null|NaN|true|false)\b|\[object Object\]/ },
];

/** The words of a line written in Latin letters that are not in {@link ALLOWED_LATIN}. */
function englishWords(line: string): string[] {
  return (line.match(/[A-Za-z]+/g) ?? []).filter((word) => !ALLOWED_LATIN.has(word));
}

/** What is wrong with the wording of a picture's text, one entry per finding (at most 5). */
export function wordingProblems(lines: string[]): string[] {
  const found: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(READABLE_CODE, '').replace(LABELLED_RECORD, '');
    const quoted = `"${raw.slice(0, 40)}"`;
    for (const rule of RULES) if (rule.pattern.test(line)) found.push(`${rule.name} in ${quoted}`);
    const words = englishWords(line);
    if (words.length > 0 && !found.some((f) => f.endsWith(quoted)))
      found.push(`English "${words.slice(0, 3).join(' ')}" in ${quoted}`);
    if (found.length >= 5) break;
  }
  return found.slice(0, 5);
}
