/**
 * WeChat's built-in tags in pictures. miniprogram-simulate renders `<image>`, `<input>`, `<switch>`… as empty
 * `wx-*` elements and keeps their attributes only on its virtual tree, so before a picture is taken:
 *
 * 1. {@link annotateBuiltins} copies each built-in element's template attributes onto the DOM as `mp-<name>`
 *    (so builtins.css can style `wx-button[mp-type=primary]`, `wx-switch[mp-checked]`…);
 * 2. {@link fireImageEvents} fires `load` (with the real size) or `error` on every image, as a phone would, so
 *    components that wait for it (t-image shows a spinner until then) show the image;
 * 3. {@link drawBuiltins} fills the copied DOM with what the phone draws: the image itself, input values and
 *    placeholders, slider and progress bars, icons, rich text, the current swiper item, placeholders for map,
 *    video and canvas.
 */
import path from 'node:path';
import type { ImageResolver } from './images';
import { rpxToPx } from './rpx';

interface VirtualNode {
  attrs?: { name: string; value: unknown }[];
}

interface WxDomElement extends Element {
  __wxElement?: { _vt?: VirtualNode };
}

interface ExparserEvents {
  Event: {
    create(name: string, detail: object, options: object): unknown;
    dispatchEvent(target: unknown, event: unknown): void;
  };
}

/** Template attributes that are not drawing attributes. */
const NOT_COPIED =
  /^(class|style|id|slot|data-.*|bind.*|catch.*|capture-.*|mut-bind.*|wx:.*|generic:.*|aria-.*)$/;

/** The attributes the template gave a rendered element (evaluated values, current after updates). */
export function templateAttrs(el: Element): Map<string, unknown> {
  const attrs = (el as WxDomElement).__wxElement?._vt?.attrs ?? [];
  return new Map(attrs.map((a) => [a.name, a.value]));
}

function builtins(root: Element): Element[] {
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  return all.filter((el) => el.localName.startsWith('wx-'));
}

/** Step 1: copies built-in elements' template attributes to `mp-<name>` DOM attributes. */
export function annotateBuiltins(root: Element): void {
  for (const el of builtins(root)) {
    for (const [name, value] of templateAttrs(el)) {
      if (NOT_COPIED.test(name) || !/^[a-z][a-z0-9-]*$/i.test(name)) continue;
      // The compiled template keeps some names camelCased (show-info → showInfo): back to WXML's spelling.
      const attr = `mp-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      if (value === true) el.setAttribute(attr, '');
      else if (typeof value === 'string' || typeof value === 'number') el.setAttribute(attr, String(value));
      else if (value && typeof value === 'object') el.setAttribute(attr, JSON.stringify(value));
      else el.removeAttribute(attr);
    }
  }
}

/** Step 2: fires `load` or `error` on every `<image>` under `root`; returns the sources that could not be read. */
export function fireImageEvents(root: Element, resolve: ImageResolver, pageDir: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as ExparserEvents;
  const unreadable: string[] = [];
  for (const el of Array.from(root.querySelectorAll('wx-image'))) {
    const src = String(templateAttrs(el).get('src') ?? '');
    const target = (el as WxDomElement).__wxElement;
    if (!src || !target) continue;
    const image = resolve(src, pageDir);
    if (!image) unreadable.push(src);
    const event = image
      ? exparser.Event.create('load', { width: image.width, height: image.height }, {})
      : exparser.Event.create('error', { errMsg: `picture: cannot read ${src}` }, {});
    exparser.Event.dispatchEvent(target, event);
  }
  return unreadable;
}

const FIT: Record<string, string> = {
  scaleToFill: 'fill',
  aspectFit: 'contain',
  aspectFill: 'cover',
  widthFix: 'fill',
  heightFix: 'fill',
};

function drawImage(el: Element, resolve: ImageResolver, pageDir: string): void {
  const src = el.getAttribute('mp-src');
  const image = src ? resolve(src, pageDir) : undefined;
  if (!image) return;
  const mode = el.getAttribute('mp-mode') ?? 'scaleToFill';
  const img = el.ownerDocument.createElement('img');
  img.setAttribute('src', image.dataUri);
  img.setAttribute('alt', '');
  const style = el as HTMLElement;
  if (mode === 'widthFix') {
    style.style.setProperty('height', 'auto', 'important');
    img.setAttribute('style', 'display:block;width:100%;height:auto');
  } else if (mode === 'heightFix') {
    style.style.setProperty('width', 'auto', 'important');
    img.setAttribute('style', 'display:block;height:100%;width:auto');
  } else if (FIT[mode]) {
    img.setAttribute('style', `display:block;width:100%;height:100%;object-fit:${FIT[mode]}`);
  } else {
    // top, bottom, center, left, right, top left…: no scaling, anchored where the mode says.
    img.setAttribute('style', `display:block;width:100%;height:100%;object-fit:none;object-position:${mode}`);
  }
  el.appendChild(img);
}

function drawInput(el: Element): void {
  const doc = el.ownerDocument;
  const value = el.getAttribute('mp-value') ?? '';
  const span = doc.createElement('span');
  if (value) {
    const secret = el.hasAttribute('mp-password') || el.getAttribute('mp-type') === 'safe-password';
    span.textContent = secret ? '•'.repeat(value.length) : value;
    span.className = 'mp-input-value';
  } else {
    span.textContent = el.getAttribute('mp-placeholder') ?? '';
    span.className = 'mp-placeholder';
    const style = el.getAttribute('mp-placeholder-style');
    if (style) span.setAttribute('style', rpxToPx(style));
  }
  el.appendChild(span);
}

function percentOf(el: Element, attr: string, min = 0, max = 100): number {
  const value = Number(el.getAttribute(attr) ?? min);
  if (!Number.isFinite(value) || max <= min) return 0;
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}

function colourVars(el: Element, pairs: [string, string][]): void {
  const style = (el as HTMLElement).style;
  for (const [attr, variable] of pairs) {
    const value = el.getAttribute(attr);
    if (value) style.setProperty(variable, value);
  }
}

function drawSlider(el: Element): void {
  const min = Number(el.getAttribute('mp-min') ?? 0);
  const max = Number(el.getAttribute('mp-max') ?? 100);
  const percent = percentOf(el, 'mp-value', min, max);
  colourVars(el, [
    ['mp-active-color', '--mp-active'],
    ['mp-background-color', '--mp-track'],
    ['mp-block-color', '--mp-thumb'],
  ]);
  el.innerHTML =
    `<span class="mp-slider"><span class="mp-slider-fill" style="width:${percent}%"></span>` +
    `<span class="mp-slider-thumb" style="left:${percent}%"></span></span>` +
    (el.hasAttribute('mp-show-value')
      ? `<span class="mp-slider-value">${el.getAttribute('mp-value') ?? 0}</span>`
      : '');
}

function drawProgress(el: Element): void {
  const percent = percentOf(el, 'mp-percent');
  colourVars(el, [
    ['mp-color', '--mp-active'],
    ['mp-active-color', '--mp-active'],
    ['mp-background-color', '--mp-track'],
  ]);
  const width = el.getAttribute('mp-stroke-width');
  const bar = width ? ` style="height:${Number(width)}px"` : '';
  el.innerHTML =
    `<span class="mp-progress"${bar}><span class="mp-progress-fill" style="width:${percent}%"></span></span>` +
    (el.hasAttribute('mp-show-info') ? `<span class="mp-progress-info">${Math.round(percent)}%</span>` : '');
}

/** WeChat's `<icon type>` glyphs, drawn as SVG (default colours as WeChat's). */
const ICONS: Record<string, { color: string; svg: string }> = {
  success: {
    color: '#07c160',
    svg: '<circle cx="12" cy="12" r="11" fill="C"/><path d="M6.5 12.5l3.5 3.5 7.5-8" stroke="#fff" stroke-width="2" fill="none"/>',
  },
  success_no_circle: {
    color: '#07c160',
    svg: '<path d="M4 12.5l5 5L20 6.5" stroke="C" stroke-width="2.4" fill="none"/>',
  },
  info: {
    color: '#10aeff',
    svg: '<circle cx="12" cy="12" r="11" fill="C"/><path d="M12 10v8M12 6v2" stroke="#fff" stroke-width="2.2"/>',
  },
  warn: {
    color: '#fa5151',
    svg: '<circle cx="12" cy="12" r="11" fill="C"/><path d="M12 6v8M12 16v2" stroke="#fff" stroke-width="2.2"/>',
  },
  waiting: {
    color: '#10aeff',
    svg: '<circle cx="12" cy="12" r="11" fill="C"/><path d="M12 6v6l4 3" stroke="#fff" stroke-width="2" fill="none"/>',
  },
  cancel: {
    color: '#fa5151',
    svg: '<circle cx="12" cy="12" r="10" stroke="C" stroke-width="2" fill="none"/><path d="M8 8l8 8M16 8l-8 8" stroke="C" stroke-width="2"/>',
  },
  clear: {
    color: '#b2b2b2',
    svg: '<circle cx="12" cy="12" r="11" fill="C"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2"/>',
  },
  search: {
    color: '#b2b2b2',
    svg: '<circle cx="10.5" cy="10.5" r="6.5" stroke="C" stroke-width="2" fill="none"/><path d="M15.5 15.5l5 5" stroke="C" stroke-width="2"/>',
  },
  download: {
    color: '#07c160',
    svg: '<path d="M12 3v13M6 11l6 6 6-6M4 21h16" stroke="C" stroke-width="2" fill="none"/>',
  },
};

function drawIcon(el: Element): void {
  const icon = ICONS[el.getAttribute('mp-type') ?? ''];
  if (!icon) return;
  const size = Number(el.getAttribute('mp-size') ?? 23);
  const color = el.getAttribute('mp-color') || icon.color;
  el.innerHTML = `<svg viewBox="0 0 24 24" width="${size}" height="${size}">${icon.svg.replace(/"C"/g, `"${color}"`)}</svg>`;
}

function drawRichText(el: Element): void {
  const nodes = el.getAttribute('mp-nodes');
  if (!nodes) return;
  if (!nodes.startsWith('[')) {
    el.innerHTML = nodes;
    // The picture's HTML is opened in a browser: nothing from data may run there.
    for (const bad of Array.from(el.querySelectorAll('script, iframe, object, embed'))) bad.remove();
    for (const node of Array.from(el.querySelectorAll('*')))
      for (const attr of Array.from(node.attributes))
        if (/^on/i.test(attr.name)) node.removeAttribute(attr.name);
    return;
  }
  interface RichNode {
    name?: string;
    type?: string;
    text?: string;
    attrs?: Record<string, string>;
    children?: RichNode[];
  }
  const build = (node: RichNode): Node => {
    if (node.type === 'text') return el.ownerDocument.createTextNode(node.text ?? '');
    const name =
      /^[a-z][a-z0-9]*$/i.test(node.name ?? '') && !/^(script|iframe|object|embed)$/i.test(node.name ?? '');
    const child = el.ownerDocument.createElement(name ? (node.name as string) : 'div');
    for (const [k, v] of Object.entries(node.attrs ?? {})) if (!/^on/i.test(k)) child.setAttribute(k, v);
    for (const c of node.children ?? []) child.appendChild(build(c));
    return child;
  };
  for (const node of JSON.parse(nodes) as RichNode[]) el.appendChild(build(node));
}

function drawSwiper(el: Element): void {
  const items = Array.from(el.children).filter((c) => c.localName === 'wx-swiper-item');
  const current = Math.min(Number(el.getAttribute('mp-current') ?? 0) || 0, Math.max(0, items.length - 1));
  items.forEach((item, i) => {
    if (i !== current) item.setAttribute('mp-off', '');
  });
  if (el.hasAttribute('mp-indicator-dots') && items.length > 1) {
    const dots = items
      .map((_, i) => `<span class="mp-dot${i === current ? ' mp-dot-active' : ''}"></span>`)
      .join('');
    el.insertAdjacentHTML('beforeend', `<span class="mp-dots">${dots}</span>`);
  }
}

/** The entities `<text decode>` turns into characters. */
const TEXT_ENTITIES: Record<string, string> = {
  '&nbsp;': '\u00a0',
  '&ensp;': '\u2002',
  '&emsp;': '\u2003',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

function decodeText(el: Element): void {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    node.textContent = (node.textContent ?? '').replace(
      /&(nbsp|ensp|emsp|lt|gt|quot|apos|amp);/g,
      (e) => TEXT_ENTITIES[e],
    );
}

/** Tags the picture cannot draw, shown as a labelled box. */
const PLACEHOLDERS: Record<string, string> = {
  'wx-map': '地图',
  'wx-video': '视频',
  'wx-canvas': '画布',
  'wx-camera': '相机',
  'wx-live-player': '直播',
  'wx-live-pusher': '直播推流',
  'wx-web-view': '网页',
  'wx-ad': '广告',
};

/** Step 3: draws what the built-in elements under `root` (a copy of the page) show on a phone. */
export function drawBuiltins(root: Element, resolve: ImageResolver, pageFile: string): void {
  const pageDir = path.dirname(pageFile);
  for (const el of builtins(root)) {
    switch (el.localName) {
      case 'wx-image':
      case 'wx-cover-image':
        drawImage(el, resolve, pageDir);
        break;
      case 'wx-input':
      case 'wx-textarea':
        drawInput(el);
        break;
      case 'wx-slider':
        drawSlider(el);
        break;
      case 'wx-progress':
        drawProgress(el);
        break;
      case 'wx-icon':
        drawIcon(el);
        break;
      case 'wx-rich-text':
        drawRichText(el);
        break;
      case 'wx-swiper':
        drawSwiper(el);
        break;
      case 'wx-text':
        if (el.hasAttribute('mp-decode')) decodeText(el);
        break;
      case 'wx-switch':
      case 'wx-checkbox':
      case 'wx-radio':
        colourVars(el, [['mp-color', '--mp-active']]);
        break;
      default:
        if (PLACEHOLDERS[el.localName] && !el.textContent?.trim())
          el.insertAdjacentHTML(
            'afterbegin',
            `<span class="mp-placeholder-box">${PLACEHOLDERS[el.localName]}</span>`,
          );
    }
  }
}
