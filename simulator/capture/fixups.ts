/**
 * The script every picture's HTML runs when it opens (in the camera's Chromium, or in anyone's browser):
 *
 * - WXSS type selectors name WeChat tags (`view`, `text`, `button`…) while the DOM has `wx-view`, `wx-text`…;
 *   WeChat's runtime renames them, so does this, through the CSSOM (no CSS parsing by hand).
 * - A custom tab bar is usually `position: fixed`; its container gets the bar's height so the bar sits under
 *   the page instead of over it.
 *
 * It marks `<body data-mp-ready>` when done. Must stay self-contained: it is serialised with toString().
 */

/** Runs in the picture's page. */
export function pictureFixups(): void {
  const tags = [
    'checkbox-group',
    'radio-group',
    'swiper-item',
    'scroll-view',
    'picker-view-column',
    'picker-view',
    'movable-area',
    'movable-view',
    'cover-image',
    'cover-view',
    'rich-text',
    'live-player',
    'live-pusher',
    'web-view',
    'navigator',
    'textarea',
    'progress',
    'checkbox',
    'slider',
    'switch',
    'swiper',
    'picker',
    'button',
    'camera',
    'canvas',
    'editor',
    'image',
    'input',
    'label',
    'radio',
    'video',
    'form',
    'icon',
    'text',
    'view',
    'map',
  ];
  const tagPattern = new RegExp(`(^|[\\s>+~,(])(${tags.join('|')})(?=$|[\\s>+~,)\\[.:#])`, 'g');
  const rewrite = (rules: CSSRuleList): void => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        const next = rule.selectorText.replace(tagPattern, '$1wx-$2');
        if (next !== rule.selectorText) rule.selectorText = next;
      } else if ('cssRules' in rule) rewrite((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    const owner = sheet.ownerNode as Element | null;
    if (owner && owner.hasAttribute('data-mp-wxss')) rewrite(sheet.cssRules);
  }

  const bar = document.querySelector('.mp-tabbar');
  if (bar) {
    let height = 0;
    for (const el of Array.from(bar.querySelectorAll('*'))) {
      if (getComputedStyle(el).position === 'fixed')
        height = Math.max(height, el.getBoundingClientRect().height);
    }
    if (height > 0) (bar as HTMLElement).style.height = `${height}px`;
  }
  document.body.setAttribute('data-mp-ready', '');
}

/** The `<script>` content that runs {@link pictureFixups}. */
export const FIXUPS_SCRIPT = `var __name = function (f) { return f; };\n(${pictureFixups.toString()})();`;
