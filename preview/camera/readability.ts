/**
 * What an 84-year-old meets on a picture, measured inside the picture's page in Chromium (passed to
 * page.evaluate, so self-contained): the smallest text, the lowest text contrast and the smallest tap targets,
 * for MIIT's 《移动互联网应用（APP）适老化通用设计规范》 in elder mode; and the visible text itself, for the wording
 * scan every picture gets (preview/wording.ts).
 *
 * Units: the picture's screen is 375 CSS px wide, like the 375 pt of an iPhone 6/7/8, so 1 pt = 1 CSS px here
 * (= 2 rpx = 2 picture pixels). Every size below is in CSS px, i.e. pt.
 *
 * Contrast is WCAG's: the text colour against the first opaque background behind it (semi-transparent layers
 * and element opacity blended in); text over an image or gradient is not judged (counted in `unjudgedText`).
 * "Large" text (3:1 suffices) is ≥ 24 px, or ≥ 18.66 px at weight ≥ 600 (WCAG's 18 pt / 14 pt bold).
 */

import type { Finding, Readability, ReadabilityLimits } from './protocol';

/** Runs in the picture's page. */
export function measureReadability(limits: ReadabilityLimits): Readability {
  const page = document.querySelector('.mp-window > page') ?? document.body;
  const roots = [page, ...Array.from(document.querySelectorAll('.mp-tabbar'))];
  const overlays = Array.from(document.querySelectorAll('.mp-overlay'));

  const describe = (el: Element): string => {
    const classes = Array.from(el.classList)
      .filter((c) => !/^(page|t-[a-z-]+)--(hover)?$/.test(c))
      .slice(0, 2)
      .join('.');
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 16);
    return `${el.localName}${classes ? `.${classes}` : ''}${text ? ` "${text}"` : ''}`;
  };
  const shown = (el: Element): boolean => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };

  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba | undefined => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m) return undefined;
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [
      top[0] * a + bottom[0] * (1 - a),
      top[1] * a + bottom[1] * (1 - a),
      top[2] * a + bottom[2] * (1 - a),
      1,
    ];
  };
  const luminance = (c: Rgba): number => {
    const lin = (v: number): number => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  };
  const ratio = (a: Rgba, b: Rgba): number => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const hex = (c: Rgba): string =>
    `#${c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('')}`;
  /** The opaque colour behind `el`, or undefined when an image or gradient is behind it. */
  const backgroundOf = (el: Element): { colour?: Rgba; opacity: number } => {
    const layers: Rgba[] = [];
    let opacity = 1;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      opacity *= Number(style.opacity);
      if (style.backgroundImage !== 'none') return { opacity };
      const colour = parse(style.backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    let colour: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return { colour, opacity };
  };

  const text: string[] = [];
  const smallTexts: Finding[] = [];
  const lowContrasts: Finding[] = [];
  let smallestText = 0;
  let lowestContrast = 0;
  let unjudgedText = 0;
  const judged = new Set<Element>();
  const readText = (root: Element, measure: boolean): void => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const content = (node.textContent ?? '').trim();
      const el = node.parentElement;
      // The simulator's stand-in for a canvas, map or video is not the page's text.
      if (!content || !el || el.closest('.mp-placeholder-box') || !shown(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      text.push(content);
      if (!measure || judged.has(el)) continue;
      judged.add(el);
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (smallestText === 0 || size < smallestText) smallestText = size;
      if (size < limits.minText - 0.01) smallTexts.push({ where: describe(el), value: size });
      const { colour: behind, opacity } = backgroundOf(el);
      const colour = parse(style.color);
      if (!behind || !colour) {
        unjudgedText += 1;
        continue;
      }
      const shownColour = over([colour[0], colour[1], colour[2], colour[3] * opacity], behind);
      const r = ratio(shownColour, behind);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 600);
      const min = large ? limits.minLargeContrast : limits.minContrast;
      if (lowestContrast === 0 || r < lowestContrast) lowestContrast = r;
      if (r < min - 0.005)
        lowContrasts.push({
          where: describe(el),
          value: Math.round(r * 100) / 100,
          detail: `${hex(shownColour)} on ${hex(behind)}`,
        });
    }
  };
  for (const root of roots) readText(root, true);
  for (const overlay of overlays) readText(overlay, false);

  const smallTargets: Finding[] = [];
  const smallMainActions: Finding[] = [];
  let smallestTarget = 0;
  let lowestMainAction = 0;
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll('[mp-tap]'))) {
      if (!shown(el)) continue;
      const rect = el.getBoundingClientRect();
      const side = Math.min(rect.width, rect.height);
      if (smallestTarget === 0 || side < smallestTarget) smallestTarget = side;
      if (side < limits.minTarget - 0.5)
        smallTargets.push({ where: describe(el), value: Math.round(side * 10) / 10 });
      const cls = el.className;
      const main =
        typeof cls === 'string' &&
        /t-button--primary/.test(cls) &&
        /t-button--(block|size-large)\b/.test(cls) &&
        !/t-button--(text|outline|ghost)/.test(cls);
      if (main) {
        if (lowestMainAction === 0 || rect.height < lowestMainAction) lowestMainAction = rect.height;
        if (rect.height < limits.minMainAction - 0.5)
          smallMainActions.push({ where: describe(el), value: Math.round(rect.height * 10) / 10 });
      }
    }
  }
  const top = <T extends Finding>(list: T[], asc = true): T[] =>
    [...list].sort((a, b) => (asc ? a.value - b.value : b.value - a.value)).slice(0, 5);
  return {
    smallestText,
    smallTexts: top(smallTexts),
    smallTextCount: smallTexts.length,
    lowestContrast: Math.round(lowestContrast * 100) / 100,
    lowContrasts: top(lowContrasts),
    lowContrastCount: lowContrasts.length,
    unjudgedText,
    smallestTarget: Math.round(smallestTarget * 10) / 10,
    smallTargets: top(smallTargets),
    smallTargetCount: smallTargets.length,
    smallMainActions: top(smallMainActions),
    lowestMainAction: Math.round(lowestMainAction * 10) / 10,
    text,
  };
}
