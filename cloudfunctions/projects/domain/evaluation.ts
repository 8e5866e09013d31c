/**
 * Evaluation and payment (评估兑现), pure: the three sheets combined with the configured weights into a total and
 * a grade; the daily supervision sheet of a visit; whether a tranche's condition holds; the appeal window.
 */
import { PROJECT_EVALUATION_SHEETS, PROJECT_SHEET_NAMES } from '../../../miniprogram/shared/choices';
import type {
  ContractDoc,
  EvaluationDoc,
  EvaluationSheets,
  Grade,
  SheetScore,
  SpendingDoc,
  Tranche,
} from '../documents';

/** The weights of the three sheets (专家评分 40 %, 日常监管 30 %, 财务审查 30 %), as the street configures them. */
export const EVALUATION_WEIGHTS: EvaluationSheets = { expert: 0.4, supervision: 0.3, financial: 0.3 };

/** Grades by the lowest total that earns them, best first. */
export const GRADE_FLOORS: readonly { grade: Grade; min: number }[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
  { grade: '不合格', min: 0 },
];

/** Days the provider has to appeal an evaluation (once). */
export const APPEAL_DAYS = 14;

/** The 日常监管评分表: its lines and their maximum scores (sum 100). */
export const SUPERVISION_SHEET: readonly { key: string; label: string; max: number }[] = [
  { key: 'delivery', label: '服务按计划开展', max: 30 },
  { key: 'records', label: '台账资料完整', max: 20 },
  { key: 'staff', label: '人员到岗', max: 20 },
  { key: 'residents', label: '居民反馈良好', max: 20 },
  { key: 'safety', label: '安全规范', max: 10 },
];

/** The weighted total of the three sheets, one decimal. */
export function weightedTotal(
  sheets: EvaluationSheets,
  weights: EvaluationSheets = EVALUATION_WEIGHTS,
): number {
  const sum = weights.expert + weights.supervision + weights.financial;
  const t =
    (sheets.expert * weights.expert +
      sheets.supervision * weights.supervision +
      sheets.financial * weights.financial) /
    sum;
  return Math.round(t * 10) / 10;
}

/** The grade of a total. */
export function gradeOf(total: number): Grade {
  return GRADE_FLOORS.find((g) => total >= g.min)!.grade;
}

/** Rank of a grade: 3 for 优秀 … 0 for 不合格. */
export function gradeRank(grade: Grade): number {
  return GRADE_FLOORS.length - 1 - GRADE_FLOORS.findIndex((g) => g.grade === grade);
}

/** A visit's sheet checked against the 日常监管评分表 (every line once, within its maximum); its total, or why not. */
export function supervisionTotal(sheet: readonly SheetScore[]): number | string {
  for (const line of SUPERVISION_SHEET) {
    const s = sheet.filter((x) => x.key === line.key);
    if (s.length !== 1) return `评分表缺少「${line.label}」`;
    if (s[0]!.score > line.max) return `「${line.label}」最多 ${line.max} 分`;
  }
  if (sheet.length !== SUPERVISION_SHEET.length) return '评分表有多余的项目';
  return sheet.reduce((t, s) => t + s.score, 0);
}

/** Spent per budget line (the financial review's check). */
export function spendingByLine(
  contract: Pick<ContractDoc, 'budgetLines'>,
  spending: readonly Pick<SpendingDoc, 'lineKey' | 'amountFen'>[],
): EvaluationDoc['spending'] {
  return contract.budgetLines.map((l) => ({
    lineKey: l.key,
    label: l.label,
    budgetFen: l.amountFen,
    spentFen: spending.filter((s) => s.lineKey === l.key).reduce((t, s) => t + s.amountFen, 0),
  }));
}

/** The evaluation of a stage that counts: the newest not superseded. */
export function currentEvaluation<E extends Pick<EvaluationDoc, 'stage' | 'at' | 'supersededBy'>>(
  evaluations: readonly E[],
  stage: EvaluationDoc['stage'],
): E | undefined {
  return evaluations
    .filter((e) => e.stage === stage && !e.supersededBy)
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
}

/** Why a tranche may not be released now, or undefined when its condition holds. */
export function trancheRefusal(
  contract: Pick<ContractDoc, 'status'>,
  tranche: Tranche,
  evaluations: readonly Pick<EvaluationDoc, 'stage' | 'at' | 'supersededBy' | 'grade'>[],
): string | undefined {
  if (tranche.released) return '这笔款项已经拨付';
  if (contract.status !== 'active' && contract.status !== 'completed') return '合同尚未生效';
  const c = tranche.condition;
  if (c.kind === 'signed') return undefined;
  const e = currentEvaluation(evaluations, c.stage);
  const stage = c.stage === 'mid' ? '中期评估' : '终期评估';
  if (!e) return `${stage}尚未完成`;
  if (gradeRank(e.grade) < gradeRank(c.minGrade)) return `${stage}为${e.grade}，未达到${c.minGrade}`;
  return undefined;
}

/** Whether the appeal window of an evaluation is still open at `now`. */
export function appealOpen(
  e: Pick<EvaluationDoc, 'appealBy' | 'appeal' | 'supersededBy'>,
  now: Date,
): boolean {
  return !e.appeal && !e.supersededBy && now.getTime() <= e.appealBy.getTime();
}

/** A sheet entered line by line, as the evaluate action receives it. */
export interface CriterionEntry {
  sheet: 'expert' | 'financial';
  key: string;
  score: number;
  comment: string;
}

/**
 * The entered lines checked against the expert and financial sheets (every line of an entered sheet once, within
 * its maximum, adding up to the sheet's score) and labelled for the record; or what is wrong, with its path.
 */
export function criteriaOf(
  entries: readonly CriterionEntry[],
  scores: { expert: number; financial: number },
): NonNullable<EvaluationDoc['criteria']> | { path: string; message: string } {
  const out: NonNullable<EvaluationDoc['criteria']> = [];
  for (const sheet of ['expert', 'financial'] as const) {
    const mine = entries.filter((e) => e.sheet === sheet);
    if (mine.length === 0) continue;
    const lines = PROJECT_EVALUATION_SHEETS[sheet];
    for (const l of lines) {
      const e = mine.filter((x) => x.key === l.key);
      if (e.length !== 1)
        return { path: 'criteria', message: `${PROJECT_SHEET_NAMES[sheet]}缺少「${l.label}」` };
      if (e[0]!.score > l.max) return { path: 'criteria', message: `「${l.label}」最多 ${l.max} 分` };
      out.push({ sheet, key: l.key, label: l.label, max: l.max, score: e[0]!.score, comment: e[0]!.comment });
    }
    if (mine.length !== lines.length)
      return { path: 'criteria', message: `${PROJECT_SHEET_NAMES[sheet]}有多余的项目` };
    if (mine.reduce((t, e) => t + e.score, 0) !== scores[sheet])
      return { path: sheet, message: `${PROJECT_SHEET_NAMES[sheet]}各项加起来不等于 ${scores[sheet]} 分` };
  }
  return out;
}
