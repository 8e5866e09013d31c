/**
 * MIIT 《移动互联网应用（APP）适老化通用设计规范》 figures the elder-mode pictures are held to, and the check
 * that turns a picture's readability figures into problems. Node only (the camera passes the figures to the page).
 *
 * pt → CSS px: the pictures lay pages out on a 375 CSS px wide screen (simulator/geometry.ts), the width in pt of
 * an iPhone 6/7/8, where 750 rpx = 375 pt. So 1 pt = 1 CSS px = 2 rpx here: 18 pt text is 36 rpx, a 44 pt tap
 * target 88 rpx, a 60 pt main action 120 rpx.
 */
import type { Readability, ReadabilityLimits } from './camera/protocol';

export const MIIT: ReadabilityLimits = {
  /** Main text ≥ 18 pt. */
  minText: 18,
  /** Text contrast ≥ 4.5:1… */
  minContrast: 4.5,
  /** …3:1 for large text (≥ 24 px, or ≥ 18.66 px bold). */
  minLargeContrast: 3,
  /** Tap targets ≥ 44 × 44 pt. */
  minTarget: 44,
  /** Main actions ≥ 60 pt high. */
  minMainAction: 60,
};

const list = (findings: { where: string; value: number; detail?: string }[], unit: string): string =>
  findings.map((f) => `${f.where} ${f.value}${unit}${f.detail ? ` (${f.detail})` : ''}`).join('; ');

/** What keeps an elder-mode picture from meeting the MIIT figures; empty when it meets them all. */
export function miitProblems(r: Readability): string[] {
  const problems: string[] = [];
  if (r.smallTextCount > 0)
    problems.push(
      `MIIT text < ${MIIT.minText} pt: ${r.smallTextCount} text(s), smallest ${r.smallestText} px: ${list(r.smallTexts, ' px')}`,
    );
  if (r.lowContrastCount > 0)
    problems.push(
      `MIIT contrast < ${MIIT.minContrast}:1 (${MIIT.minLargeContrast}:1 large): ${r.lowContrastCount} text(s): ${list(r.lowContrasts, ':1')}`,
    );
  if (r.smallTargetCount > 0)
    problems.push(
      `MIIT tap target < ${MIIT.minTarget} pt: ${r.smallTargetCount} target(s): ${list(r.smallTargets, ' px')}`,
    );
  if (r.smallMainActions.length > 0)
    problems.push(`MIIT main action < ${MIIT.minMainAction} pt high: ${list(r.smallMainActions, ' px')}`);
  return problems;
}
