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
  /** Text sizes, contrast, tap targets and the visible text (camera/readability.ts). */
  readability: Readability;
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

/** One finding, described so a reader can find it on the picture. */
export interface Finding {
  /** `tag.class "text…"`. */
  where: string;
  /** The measured figure: px for sizes, the ratio for contrast. */
  value: number;
  /** For contrast: text and background colours. */
  detail?: string;
}

/** What camera/readability.ts returns. */
export interface Readability {
  /** Smallest visible text in the page and tab bar, px (0 when there is no text). */
  smallestText: number;
  /** Texts under 18 px (at most 5 listed, smallest first) and how many there were. */
  smallTexts: Finding[];
  smallTextCount: number;
  /** Lowest contrast ratio of visible text (0 when none was judged). */
  lowestContrast: number;
  /** Texts below their contrast minimum (4.5, or 3 for large text). */
  lowContrasts: Finding[];
  lowContrastCount: number;
  unjudgedText: number;
  /** Smallest side of any visible tap target, px (0 when none). */
  smallestTarget: number;
  /** Targets with a side under 44 px. */
  smallTargets: Finding[];
  smallTargetCount: number;
  /** Main actions (primary block or large buttons) lower than 60 px. */
  smallMainActions: Finding[];
  /** Height of the lowest main action (0 when none). */
  lowestMainAction: number;
  /** Visible text of the page, the tab bar and any modal or toast drawn over it: one line per text node. */
  text: string[];
}

/** The MIIT figures the elder pictures are held to (pt = CSS px on this screen). */
export interface ReadabilityLimits {
  minText: number;
  minContrast: number;
  minLargeContrast: number;
  minTarget: number;
  minMainAction: number;
}
