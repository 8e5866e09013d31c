/**
 * Every text field's `maxlength` comes from miniprogram/shared/limits.ts through page data (`max.<field>`), never a
 * literal, and every `max.<field>` a page's WXML reads is set in that page's `max` data — an unset one would let
 * the field grow past what the function accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../miniprogram');

function wxmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.name === 'miniprogram_npm'
      ? []
      : d.isDirectory()
        ? wxmlFiles(join(dir, d.name))
        : d.name.endsWith('.wxml')
          ? [join(dir, d.name)]
          : [],
  );
}

const files = wxmlFiles(root);
const withMaxlength = files.filter((f) => readFileSync(f, 'utf8').includes('maxlength'));

it('finds the forms', () => {
  expect(withMaxlength.length).toBeGreaterThanOrEqual(24);
});

it.each(withMaxlength.map((f) => [f.slice(root.length + 1), f]))(
  '%s: maxlength from max data',
  (_name, file) => {
    const wxml = readFileSync(file, 'utf8');
    const values = [...wxml.matchAll(/maxlength="([^"]*)"/g)].map((m) => m[1]!);
    for (const v of values) expect(v).toMatch(/^\{\{[^0-9{}][^{}]*\}\}$/); // an expression, never a number
    const used = new Set([...wxml.matchAll(/\bmax\.(\w+)/g)].map((m) => m[1]!));
    const ts = readFileSync(file.replace(/\.wxml$/, '.ts'), 'utf8');
    const data = /\n {4}max: \{([^}]*)\}/.exec(ts)?.[1] ?? '';
    const declared = new Set([...data.matchAll(/(\w+):/g)].map((m) => m[1]!));
    expect([...used].filter((k) => !declared.has(k))).toEqual([]);
  },
);
