/**
 * Text hygiene over every text field of every action, found by walking the contracts (test/support/contracts):
 * whatever a hostile client sends — NUL, terminal escapes, C1 controls, bidi overrides, lone surrogates,
 * decomposed accents, stray whitespace — a field either refuses it or keeps only clean text.
 */
import fc from 'fast-check';
import type { TextKind } from '../../../cloudfunctions/common/schemas';
import { cleanText, isCleanText } from '../../../cloudfunctions/common/text';
import { everyStringField } from '../../support/contracts';

const HOSTILE = [
  '\u0000',
  '\u0007',
  '\u0008',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\r',
  '\r\n',
  '\t',
  '\n',
  ' ',
  'e\u0301',
];
const NORMAL = ['王', '奶', '社', '区', 'a', 'Z', '1', '。', '-', '😀'];

const hostileChar = fc.constantFrom(...HOSTILE);
const hostileText = fc
  .array(fc.oneof(hostileChar, fc.constantFrom(...NORMAL), fc.string({ maxLength: 3 })), { maxLength: 24 })
  .map((parts) => parts.join(''));

const fields = everyStringField();
const kindOf = (schema: unknown) => (schema as { meta(): { text?: TextKind } | undefined }).meta()?.text;
const textFields = fields.filter((f) => kindOf(f.schema) !== undefined);

it('walks every contract: text fields of every function are found', () => {
  expect(new Set(textFields.map((f) => f.fn))).toEqual(
    new Set(['account', 'services', 'proposals', 'volunteering', 'charity', 'rooms', 'projects', 'reports']),
  );
  expect(textFields.length).toBeGreaterThan(60);
  // The identity-free ids, codes and keys are strings too: they are walked and held to the same rule.
  expect(fields.length).toBeGreaterThan(textFields.length);
});

it.each(fields.map((f) => [`${f.fn}.${f.action} ${f.path}`, f] as const))(
  '%s refuses hostile text or keeps it clean',
  (_name, field) => {
    const multiline = kindOf(field.schema) === 'multiline';
    fc.assert(
      fc.property(hostileText, (raw) => {
        const parsed = field.schema.safeParse(raw);
        if (!parsed.success) return;
        expect(typeof parsed.data).toBe('string');
        expect(isCleanText(parsed.data as string, multiline)).toBe(true);
        if (!multiline) expect(parsed.data).not.toMatch(/\n/);
      }),
      { numRuns: 60 },
    );
  },
);

// A field that strips (rather than refuses) keeps exactly the visible text around the hostile characters.
const VISIBLE = NORMAL.filter((c) => c.length === 1); // one UTF-16 unit each, so cutting never splits a pair
const visible = fc.array(fc.constantFrom(...VISIBLE), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
it.each(textFields.map((f) => [`${f.fn}.${f.action} ${f.path}`, f] as const))(
  '%s strips invisible characters and keeps the words',
  (_name, field) => {
    const bounds = field.schema as unknown as { minLength: number | null; maxLength: number | null };
    const min = Math.max(1, bounds.minLength ?? 0);
    const max = bounds.maxLength ?? 100;
    const invisible = fc.constantFrom(
      '\u0000',
      '\u001b[31m',
      '\u202e',
      '\u2066',
      '\u200f',
      '\ufeff',
      '\ud800',
      '\u009b',
    );
    fc.assert(
      fc.property(
        visible,
        fc.array(invisible, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (word, junk, at) => {
          const words = word
            .repeat(Math.ceil(min / word.length))
            .slice(0, Math.max(min, Math.min(max, word.length)));
          fc.pre(words.length >= min && words.length <= max);
          const cut = at % (words.length + 1);
          const raw = ` ${junk.join('')}${words.slice(0, cut)}${junk.join('')}${words.slice(cut)}\u202c `;
          const parsed = field.schema.safeParse(raw);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toBe(words);
        },
      ),
      { numRuns: 40 },
    );
  },
);

describe('cleanText', () => {
  it('keeps line breaks only in multi-line text, unified to \\n', () => {
    expect(cleanText('第一行\r\n第二行\r第三行', true)).toBe('第一行\n第二行\n第三行');
    expect(cleanText('第一行\r\n第二行', false)).toBe('第一行 第二行');
  });
  it('normalizes to NFC and trims', () => {
    expect(cleanText('  Cafe\u0301\t ', false)).toBe('Café');
  });
  it('keeps emoji, CJK and joiners that make one emoji', () => {
    expect(cleanText('王奶奶👩‍👧好', false)).toBe('王奶奶👩‍👧好');
  });
  it('is idempotent for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, multi) => {
        const once = cleanText(s, multi);
        expect(cleanText(once, multi)).toBe(once);
      }),
    );
  });
});
