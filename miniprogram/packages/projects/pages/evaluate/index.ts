/**
 * 录入评估 (the buyer, an admin over the contract's street): the mid-term or final evaluation entered on the
 * 《绩效评估专家评分表》 and 《项目财务审查评分表》 line by line, each line with its comment; the daily supervision
 * score from the supervisors' visits; the financial review beside the spending against each budget line. The
 * function combines the three with the configured weights and answers the total and grade, shown here. An
 * evaluation the provider appealed is corrected by a new one that names it.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { PROJECT_EVALUATION_SHEETS, PROJECT_SHEET_NAMES } from '../../../../shared/choices';
import { fullDayText } from '../../../../shared/calendar';
import { PROJECTS_LIMITS, PROJECTS_TRACKING_LIMITS } from '../../../../shared/limits';
import { CONTRACT_ROUTES } from '../../lib/contractRoutes';
import { STAGE_TEXT, yuanText, type ContractDetail } from '../../lib/contractWords';

type Stage = 'mid' | 'final';
type SheetName = 'expert' | 'financial';
type Evaluation = ContractDetail['evaluations'][number];
type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, Record<string, string>>;
type Indexed<V extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  V,
  Record<string, never>,
  { sheet: SheetName; index: number }
>;

/** A sheet as the page fills it: every line starts at its maximum, like the visit sheet. */
const blankSheet = (sheet: SheetName) =>
  PROJECT_EVALUATION_SHEETS[sheet].map((l) => ({ ...l, score: l.max, comment: '', text: `满分 ${l.max}` }));

/** The stage to enter: the first without a current evaluation, else the final one (to correct it). */
function stageOf(evaluations: Evaluation[]): Stage {
  return evaluations.some((e) => e.stage === 'mid' && e.current) ? 'final' : 'mid';
}

/** What entering `stage` means now: a first evaluation, or a correction of the current one. */
function modeOf(evaluations: Evaluation[], stage: Stage) {
  const current = evaluations.find((e) => e.stage === stage && e.current);
  if (!current) return { supersedes: '', modeText: '' };
  const appeal = current.appeal ? `承接方申诉：${current.appeal.reason}` : '承接方没有申诉';
  return {
    supersedes: current.id,
    modeText: `${STAGE_TEXT[stage]}已于 ${fullDayText(current.at)} 评为${current.grade}（${current.total} 分）。${appeal}。提交后将作为更正，原评估保留。`,
  };
}

const sum = (lines: { score: number }[]) => lines.reduce((t, l) => t + l.score, 0);

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    id: '',
    title: '',
    evaluations: [] as Evaluation[],
    stages: (['mid', 'final'] as const).map((s) => ({ stage: s, label: STAGE_TEXT[s] })),
    stage: 'mid' as Stage,
    supersedes: '',
    modeText: '',
    sheets: (['expert', 'financial'] as const).map((s) => ({
      name: s,
      title: PROJECT_SHEET_NAMES[s],
      lines: blankSheet(s),
      total: 100,
    })),
    visitsText: '',
    needSupervision: false,
    supervision: 80,
    budget: [] as { key: string; text: string; over: boolean }[],
    spendingUrl: '',
    comment: '',
    key: newIdempotencyKey(),
    busy: false,
    banner: '',
    result: null as { title: string; total: string; sheets: string } | null,
    max: { note: PROJECTS_TRACKING_LIMITS.noteMax, comment: PROJECTS_LIMITS.commentMax },
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('projects', 'contractDetail', { contractId: query.id ?? '' });
      if (!reply.ok) return reply;
      const c = reply.data;
      if (!c.my.includes('buyer'))
        return { ok: false, error: { code: 'FORBIDDEN', message: '只有本街道的管理员可以录入评估' } };
      const stage = stageOf(c.evaluations);
      const visits = c.visits.length;
      const mean = visits ? Math.round((10 * c.visits.reduce((t, v) => t + v.total, 0)) / visits) / 10 : 0;
      return {
        ok: true,
        data: {
          id: c.id,
          title: c.title,
          evaluations: c.evaluations,
          stage,
          ...modeOf(c.evaluations, stage),
          visitsText: visits
            ? `按 ${visits} 次走访记录平均：${mean} 分`
            : '还没有走访记录，请填写日常监管得分',
          needSupervision: visits === 0,
          budget: c.budget.map((b) => ({
            key: b.lineKey,
            text: `${b.label}：已用 ${yuanText(b.spentFen)} / 预算 ${yuanText(b.budgetFen)}`,
            over: b.spentFen > b.budgetFen,
          })),
          spendingUrl: CONTRACT_ROUTES.spending(c.id),
          result: null,
        },
      };
    },
    onStage(e: Tap) {
      const stage = e.currentTarget.dataset.stage as Stage;
      this.setData({ stage, ...modeOf(this.data.evaluations, stage), key: newIdempotencyKey() });
    },
    onScore(e: Indexed<{ value: number }>) {
      const { sheet, index } = e.currentTarget.dataset;
      const i = sheet === 'expert' ? 0 : 1;
      this.setData({ [`sheets[${i}].lines[${index}].score`]: Number(e.detail.value) });
      this.setData({ [`sheets[${i}].total`]: sum(this.data.sheets[i]!.lines) });
    },
    onLineComment(e: Indexed<{ value: string }>) {
      const { sheet, index } = e.currentTarget.dataset;
      this.setData({ [`sheets[${sheet === 'expert' ? 0 : 1}].lines[${index}].comment`]: e.detail.value });
    },
    onSupervision(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ supervision: Number(e.detail.value) });
    },
    onComment(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ comment: e.detail.value });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const [expert, financial] = this.data.sheets;
      const answer = await wx.showModal({
        title: `提交${STAGE_TEXT[this.data.stage]}`,
        content: `专家评分 ${expert!.total} 分，财务审查 ${financial!.total} 分。提交后不能修改，只能另行更正。`,
        confirmText: '确定提交',
        cancelText: '再看看',
      });
      if (!answer.confirm) return;
      this.setData({ busy: true, banner: '' });
      const reply = await call('projects', 'evaluate', {
        contractId: this.data.id,
        stage: this.data.stage,
        expert: expert!.total,
        financial: financial!.total,
        ...(this.data.needSupervision ? { supervision: this.data.supervision } : {}),
        comment: this.data.comment,
        ...(this.data.supersedes ? { supersedes: this.data.supersedes } : {}),
        criteria: this.data.sheets.flatMap((s) =>
          s.lines.map((l) => ({ sheet: s.name, key: l.key, score: l.score, comment: l.comment })),
        ),
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      const e = reply.data;
      this.setData({
        key: newIdempotencyKey(),
        result: {
          title: `${STAGE_TEXT[e.stage]}：${e.grade}`,
          total: `总分 ${e.total}`,
          sheets: `专家评分 ${e.sheets.expert} · 日常监管 ${e.sheets.supervision} · 财务审查 ${e.sheets.financial}`,
        },
      });
      wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },
  },
});
