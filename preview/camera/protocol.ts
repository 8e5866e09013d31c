/**
 * Messages between the picture tests (jsdom, where playwright-core cannot load) and the camera: a Node child
 * process that drives Debian's Chromium through playwright-core.
 */

/** Parent → camera: photograph the HTML file at `htmlPath`. */
export interface ShootRequest {
  type: 'shoot';
  id: number;
  htmlPath: string;
  /** Where to write the PNG; no picture when omitted (measures only). */
  pngPath?: string;
}

/** What the camera measured in Chromium. */
export interface CameraFigures {
  /** Document width; more than 750 means the page scrolls sideways. */
  scrollWidth: number;
  /** Full height of the picture. */
  scrollHeight: number;
  /** Outermost elements that stick out past 750 px, described as `tag.class "text…" (right edge)`. */
  overflowing: string[];
  /** Characters of visible text in the page (not counting the bars). */
  visibleText: number;
  /** Visible images and icons in the page. */
  visibleImages: number;
  /** Errors the picture's own page reported in Chromium. */
  pageErrors: string[];
  ms: number;
}

/** Camera → parent. */
export type CameraMessage =
  | { type: 'ready'; chromium: string }
  | { type: 'fatal'; message: string }
  | { type: 'shot'; id: number; figures: CameraFigures }
  | { type: 'failed'; id: number; message: string };
