/**
 * How this project runs Chromium: Debian's own (installed by scripts/ensure-system-packages.sh; MULIN_CHROMIUM
 * overrides), headless with a fresh profile per launch and nothing fetched from the net by the browser itself.
 * The page pictures (camera/child.ts) and the big screen's browser test both launch it this way.
 */
export const CHROMIUM_EXECUTABLE = process.env.MULIN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
