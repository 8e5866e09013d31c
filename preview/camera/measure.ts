/**
 * Measurements taken inside a picture's page in Chromium (passed to page.evaluate, so self-contained):
 * horizontal overflow and the elements causing it, and whether the page shows anything at all.
 */

/** What {@link measurePicture} returns. */
export interface PictureMeasure {
  scrollWidth: number;
  scrollHeight: number;
  overflowing: string[];
  visibleText: number;
  visibleImages: number;
}

/**
 * Runs in the picture's page. `limit` is the screen width in CSS px (375); widths and edges are reported in
 * picture pixels (× `scale`), so 750 is the limit in the report.
 */
export function measurePicture(args: { limit: number; scale: number }): PictureMeasure {
  const { limit, scale } = args;
  const root = document.documentElement;
  const scrollWidth = Math.max(root.scrollWidth, document.body.scrollWidth) * scale;
  const scrollHeight = Math.max(root.scrollHeight, document.body.scrollHeight) * scale;
  const page = document.querySelector('.mp-window > page') ?? document.body;

  const describe = (el: Element): string => {
    const classes = Array.from(el.classList).slice(0, 3).join('.');
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
    const right = Math.round(el.getBoundingClientRect().right * scale);
    return `${el.localName}${classes ? `.${classes}` : ''}${text ? ` "${text}"` : ''} (right edge ${right} px)`;
  };
  const overflowing: string[] = [];
  if (scrollWidth > limit * scale) {
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= limit + 0.5) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit + 0.5) continue;
      overflowing.push(describe(el));
      if (overflowing.length >= 5) break;
    }
  }

  const shown = (el: Element): boolean => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  let visibleText = 0;
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    if (!text || !node.parentElement || !shown(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) visibleText += text.length;
  }
  let visibleImages = 0;
  for (const img of Array.from(page.querySelectorAll('img'))) {
    if ((img as HTMLImageElement).naturalWidth > 0 && shown(img)) visibleImages += 1;
  }
  for (const el of Array.from(page.querySelectorAll('[class*="t-icon-"]'))) {
    const before = getComputedStyle(el, '::before');
    if (before.content !== 'none' && before.maskImage !== 'none' && shown(el)) visibleImages += 1;
  }
  return { scrollWidth, scrollHeight, overflowing, visibleText, visibleImages };
}
