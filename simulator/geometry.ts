/**
 * The picture's geometry: an iPhone 6/7/8 screen, 375 × 667 CSS px, photographed at device scale 2, so every
 * picture is 750 px wide and 1 rpx is 1 picture pixel — while WXSS `px` values (TDesign uses them for icons,
 * hairlines and some sizes) keep their real size next to rpx, as on a phone. Status bar 20, navigation bar 44,
 * tab bar 50 (all CSS px). Node only.
 */

/** Screen width in CSS px (= 750 rpx). */
export const SCREEN_WIDTH = 375;
/** Screen height in CSS px; the page window is what is left under the bars. */
export const SCREEN_HEIGHT = 667;
/** Device pixels per CSS px. */
export const DEVICE_SCALE = 2;
/** Width of every picture, in pixels. */
export const PICTURE_WIDTH = SCREEN_WIDTH * DEVICE_SCALE;
export const STATUS_BAR_HEIGHT = 20;
export const NAVIGATION_BAR_HEIGHT = 44;
export const TAB_BAR_HEIGHT = 50;

/** The capsule (menu button) as wx.getMenuButtonBoundingClientRect reports it on this screen. */
export const MENU_BUTTON = {
  width: 87,
  height: 32,
  top: STATUS_BAR_HEIGHT + 6,
  right: SCREEN_WIDTH - 7,
  bottom: STATUS_BAR_HEIGHT + 6 + 32,
  left: SCREEN_WIDTH - 7 - 87,
};

/** Height of the page window (what `100vh` means in a page) for a page with or without the bars. */
export function windowHeight(options: { navigationBar: boolean; tabBar: boolean }): number {
  return (
    SCREEN_HEIGHT -
    (options.navigationBar ? STATUS_BAR_HEIGHT + NAVIGATION_BAR_HEIGHT : 0) -
    (options.tabBar ? TAB_BAR_HEIGHT : 0)
  );
}
