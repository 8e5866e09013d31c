/**
 * Which elements a finger can tap, marked on the DOM (`mp-tap`) before the picture is serialised, so the camera
 * can measure them against MIIT's 44 pt (elder mode). The template's event bindings exist only on
 * miniprogram-simulate's virtual tree, so this runs in jsdom:
 *
 * - built-in controls (`<button>`, `<input>`, `<switch>`, `<picker>`, `<navigator>`…) always;
 * - an element with a tap (or longpress) binding in a page's or our own component's template;
 * - inside a TDesign component, an element with a tap binding only when the component's user listens to its taps
 *   (`<t-tag bind:click>`) or it is a control by nature (buttons, steppers, rates, switches, tabs…; a t-input's
 *   field is the built-in `<input>` inside, its unit suffix no target):
 *   TDesign binds taps everywhere (every `t-icon`, every `t-cell`), most of which do nothing on a given page.
 */

interface VirtualTree {
  tagName?: string;
  componentId?: string;
  attrs?: { name: string; value: unknown }[];
  event?: Record<string, { name?: string; handler?: string }>;
}

interface ExparserNode {
  _vt?: VirtualTree;
  ownerShadowRoot?: { getHostNode?: () => ExparserNode | undefined } | null;
}

interface WxDomElement extends Element {
  __wxElement?: ExparserNode;
}

/** Built-in tags a finger operates. */
const BUILTIN_CONTROLS = new Set([
  'wx-button',
  'wx-navigator',
  'wx-switch',
  'wx-checkbox',
  'wx-radio',
  'wx-input',
  'wx-textarea',
  'wx-picker',
  'wx-slider',
]);

/** TDesign components that are controls whether or not the page listens to them. */
const TDESIGN_CONTROLS = new Set([
  't-button',
  't-stepper',
  't-rate',
  't-switch',
  't-checkbox',
  't-check-tag',
  't-radio',
  't-tabs',
  't-upload',
  't-dropdown-menu',
  't-dropdown-item',
  't-picker',
  't-date-time-picker',
  't-tab-bar-item',
  't-segmented',
]);

const TAP_EVENTS = /^(tap|longpress|longtap)$/;

function tagOf(node: ExparserNode | undefined): string {
  return String(node?._vt?.tagName ?? '');
}

/** Whether the user of a component listens to it being tapped (`bind:click`, `bind:tap`). */
function listened(node: ExparserNode | undefined): boolean {
  const event = node?._vt?.event ?? {};
  return Object.values(event).some(
    (e) => Boolean(e?.handler) && /^(tap|click|longpress)$/.test(String(e?.name)),
  );
}

function bindsTap(node: ExparserNode | undefined): boolean {
  const event = node?._vt?.event ?? {};
  return Object.values(event).some((e) => Boolean(e?.handler) && TAP_EVENTS.test(String(e?.name ?? '')));
}

/**
 * Whether the component whose template holds an element is used as a control on this page: a page or our own
 * component always; a TDesign component when its user listens to it or it is a control by nature. A tap binding
 * inside a TDesign part that nobody listens to (the arrow `t-icon` of a cell) is no target of its own: the tap
 * reaches the target around it.
 */
function ownerIsLive(node: ExparserNode): boolean {
  const host = node.ownerShadowRoot?.getHostNode?.();
  const tag = tagOf(host);
  if (!host || !tag.startsWith('t-')) return true;
  if (TDESIGN_CONTROLS.has(tag) || listened(host)) return true;
  const attrs = new Map((host._vt?.attrs ?? []).map((a) => [a.name, a.value]));
  // A cell that navigates by itself (url) or shows the arrow of a link is tapped too.
  return tag === 't-cell' && Boolean(attrs.get('url') || attrs.get('arrow'));
}

/** Marks the tap targets under `root` with `mp-tap`. */
export function annotateTapTargets(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const node = (el as WxDomElement).__wxElement;
    const tappable =
      BUILTIN_CONTROLS.has(el.localName) || (node !== undefined && bindsTap(node) && ownerIsLive(node));
    if (tappable) el.setAttribute('mp-tap', '');
  }
}
