/**
 * The local stand-in for WeChat's text content check: a word list (`sensitive-words.txt` by default) matched
 * on normalised text. Risky sections make `suggest: 'risky'`, the `review` section `suggest: 'review'`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '../packageDir';

/** WeChat's content-check suggestions. */
export type Suggest = 'pass' | 'review' | 'risky';

/** Label WeChat reports for normal content. */
export const LABEL_NORMAL = 100;

/** One term of the list, normalised. */
export interface Term {
  word: string;
  category: string;
  label: number;
  suggest: Exclude<Suggest, 'pass'>;
}

/** A parsed word list. */
export interface WordList {
  terms: readonly Term[];
}

/** One term found in a text. */
export type Hit = Term;

/** The verdict on a text: the strongest suggestion and its label, and every term found. */
export interface TextVerdict {
  suggest: Suggest;
  label: number;
  hits: Hit[];
}

/** Path of the word list shipped with the local cloud (`openapi/sensitive-words.txt` in the package). */
export function defaultWordsFile(): string {
  return join(packageDir(), 'openapi', 'sensitive-words.txt');
}

/**
 * Normalises text for matching: NFKC (full-width to half-width), lower case, and no whitespace,
 * punctuation, symbols or invisible characters, so spacing and decoration cannot split a term.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{C}\s]/gu, '');
}

/** Parses the word-list format (see the header of `sensitive-words.txt`). Throws on a term outside a section. */
export function parseWordList(text: string): WordList {
  const terms: Term[] = [];
  let section: { category: string; label: number } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[(\S+)\s+(\d+)\]$/.exec(line);
    if (header) {
      section = { category: header[1], label: Number(header[2]) };
      return;
    }
    if (!section) throw new Error(`word list line ${i + 1}: term before any [section label] header`);
    const word = normalizeText(line);
    if (word === '') return;
    terms.push({ word, ...section, suggest: section.category === 'review' ? 'review' : 'risky' });
  });
  return { terms };
}

/** Reads and parses a word-list file (the shipped list by default). */
export function loadWordList(file: string = defaultWordsFile()): WordList {
  return parseWordList(readFileSync(file, 'utf8'));
}

/**
 * Words that turn a term into its opposite when they come right before it: 防诈骗 (fraud prevention) and 禁毒
 * (anti-drug) are what community notices say; a naive substring match would refuse them.
 */
export const NEGATING_PREFIXES = ['防范', '防', '反', '拒绝', '远离', '禁止', '严禁', '打击', '预防', '禁'];

/** Whether `word` occurs in `text` other than right after a negating prefix. */
function occursUnnegated(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = text.slice(Math.max(0, at - 2), at);
    if (!NEGATING_PREFIXES.some((p) => before.endsWith(p))) return true;
  }
  return false;
}

/** Checks a text against the list. A risky hit outranks a review hit; the first risky hit gives the label. */
export function checkText(list: WordList, text: string): TextVerdict {
  const normalized = normalizeText(text);
  const hits = list.terms.filter((t) => occursUnnegated(normalized, t.word));
  const top = hits.find((h) => h.suggest === 'risky') ?? hits.find((h) => h.suggest === 'review');
  return top
    ? { suggest: top.suggest, label: top.label, hits }
    : { suggest: 'pass', label: LABEL_NORMAL, hits };
}
