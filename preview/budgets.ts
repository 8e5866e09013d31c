/**
 * The budgets pictures are held to (DESIGN.md "Budgets", WeChat's 体验评分 audits), and the check that turns a
 * picture's figures into problems. Node only.
 */

/** First-render setData (initial data + every page setData during load), in bytes. */
export const SET_DATA_BUDGET_BYTES = 32 * 1024;
/** WeChat audit: a page has fewer than 1000 WXML nodes… */
export const NODE_BUDGET = 1000;
/** …nested fewer than 30 deep. */
export const DEPTH_BUDGET = 30;
/** Picture width: wider means the page scrolls sideways. */
export const WIDTH_LIMIT = 750;
/** Main package as uploaded, in bytes (DESIGN.md: ≤ 1 MB). */
export const MAIN_PACKAGE_BUDGET_BYTES = 1024 * 1024;
/** Each subpackage as uploaded (DESIGN.md: ≤ 1.5 MB; WeChat's hard limit is 2 MB). */
export const SUBPACKAGE_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** The figures a picture is checked on. */
export interface CheckedFigures {
  errors: string[];
  firstRenderBytes: number;
  nodes: number;
  depth: number;
  scrollWidth: number;
  overflowing: string[];
  visibleText: number;
  visibleImages: number;
}

/** KB with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** What is wrong with a picture; empty when it renders, shows something, fits and stays within budget. */
export function problemsOf(f: CheckedFigures): string[] {
  const problems: string[] = [];
  if (f.errors.length > 0) problems.push(`errors while rendering:\n  ${f.errors.join('\n  ')}`);
  if (f.visibleText === 0 && f.visibleImages === 0)
    problems.push('blank: no visible text, image or icon in the page');
  if (f.scrollWidth > WIDTH_LIMIT)
    problems.push(
      `overflows horizontally: ${f.scrollWidth} px wide > ${WIDTH_LIMIT} px` +
        (f.overflowing.length ? `; sticking out: ${f.overflowing.join('; ')}` : ''),
    );
  if (f.firstRenderBytes > SET_DATA_BUDGET_BYTES)
    problems.push(`first-render setData ${kb(f.firstRenderBytes)} > ${kb(SET_DATA_BUDGET_BYTES)}`);
  if (f.nodes >= NODE_BUDGET) problems.push(`${f.nodes} WXML nodes (WeChat audit: < ${NODE_BUDGET})`);
  if (f.depth >= DEPTH_BUDGET) problems.push(`WXML depth ${f.depth} (WeChat audit: < ${DEPTH_BUDGET})`);
  return problems;
}
