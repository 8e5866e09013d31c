/**
 * Which components take the app's styles. On a phone, app.wxss reaches a custom component that opts in
 * (`options.styleIsolation: 'apply-shared' | 'shared'`, or `addGlobalClass: true`) — the custom tab bar does, to
 * follow elder mode. miniprogram-simulate ignores those options and scopes every component's classes with its
 * tag name, so registrations are watched (j-component's `register`, which every `Component()` reaches) and
 * app.wxss is added to the picture once more, scoped with each such component's tag name.
 */

interface Definition {
  tagName?: string;
  options?: { styleIsolation?: string; addGlobalClass?: boolean };
}

interface JComponent {
  register(definition: Definition): unknown;
}

const shared = new Set<string>();
let installed = false;

/** Starts watching registrations (idempotent). */
export function installSharedStyleWatch(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jComponent = require('j-component') as JComponent;
  const register = jComponent.register.bind(jComponent);
  jComponent.register = (definition) => {
    const options = definition?.options ?? {};
    const opted =
      ['apply-shared', 'shared'].includes(options.styleIsolation ?? '') || options.addGlobalClass === true;
    if (opted && definition.tagName) shared.add(definition.tagName);
    return register(definition);
  };
}

/** Forgets what was seen (call before loading a page). */
export function resetSharedStyles(): void {
  shared.clear();
}

/** Tag names (= class prefixes) of the components registered since the reset that take app.wxss. */
export function sharedStylePrefixes(): string[] {
  return [...shared].sort();
}
