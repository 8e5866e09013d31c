/**
 * rpx as a phone has it. miniprogram-simulate and j-component turn `Nrpx` into `Npx` (1:1), which makes a
 * 750-rpx design 750 px wide but leaves WXSS `px` values (TDesign's icon sizes, hairlines, component sizes
 * computed in px) at half their real size. Pictures instead lay pages out on a 375 px wide screen, where
 * 1 rpx = 0.5 px, and photograph it at device scale 2: a 750 px PNG in which both units look as on an iPhone.
 * The conversion is swapped in both libraries (their modules are shared with the page under test) by
 * {@link installPhoneRpx}, for the pictures jest project only.
 */
import { SCREEN_WIDTH } from '../geometry';

/** px per rpx on the picture's screen. */
export const PX_PER_RPX = SCREEN_WIDTH / 750;

/** `32rpx` → `16px` in any CSS text (values with decimals and signs included). */
export function rpxToPx(css: string): string {
  return css.replace(
    /(\d*\.?\d+)rpx\b/gi,
    (_m, n: string) => `${Number((Number(n) * PX_PER_RPX).toFixed(4))}px`,
  );
}

interface RpxModule {
  transformRpx: (style: string, ...rest: unknown[]) => string;
}

let installed = false;

/** Makes simulate (compiled WXSS) and j-component (inline styles) convert rpx with {@link rpxToPx}. */
export function installPhoneRpx(): void {
  if (installed) return;
  installed = true;
  for (const id of ['miniprogram-simulate/src/utils', 'j-component/src/tool/utils']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(id) as RpxModule;
    mod.transformRpx = (style: string) => rpxToPx(String(style));
  }
}
