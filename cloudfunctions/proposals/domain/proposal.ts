/**
 * A proposal's rules (pure): what a complete proposal has, who may change it when, screening decisions, and the
 * status residents see (derived from the stored status and the round, so a phase change never rewrites proposals).
 */
import { conflict, forbidden, invalid, notFound } from '../../common/errors';
import type { FieldIssue } from '../../common/reply';
import { isAtOrAfter, isOpenFor, type Phase, type PhaseState } from './phases';
import type { RoundSettings } from './settings';

/** Stored statuses. */
export type StoredStatus =
  'draft' | 'submitted' | 'changes_requested' | 'accepted' | 'rejected' | 'withdrawn';

/** Statuses residents see. */
export type ShownStatus =
  StoredStatus | 'lapsed' | 'in_vote' | 'counting' | 'funded' | 'not_funded' | 'completed';

/** Plain words for each shown status. */
export const STATUS_LABELS: Record<ShownStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  changes_requested: '待修改',
  accepted: '通过预审',
  rejected: '未通过预审',
  withdrawn: '已撤回',
  lapsed: '未按期完成预审',
  in_vote: '投票中',
  counting: '计票中',
  funded: '获得资助',
  not_funded: '未获资助',
  completed: '已完成',
};

/** One budget line. */
export interface BudgetLine {
  item: string;
  amount: number;
}

/** The content of a proposal (a draft may lack parts). */
export interface ProposalContent {
  title: string;
  summary: string;
  details: string;
  budgetLines: BudgetLine[];
  months?: number;
  beneficiaries?: { who: string; count: number };
  coProposers: string[];
  photos: string[];
}

/** Shortest lengths of a complete proposal. */
export const COMPLETE = { titleMin: 4, summaryMin: 10, detailsMin: 20 } as const;

/** The total of the budget lines. */
export function budgetTotal(lines: readonly BudgetLine[]): number {
  return lines.reduce((s, l) => s + l.amount, 0);
}

/** What a proposal still lacks (or breaks) before it can be submitted under the round's rules. */
export function submissionIssues(c: ProposalContent, s: RoundSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const chars = (t: string | undefined) => [...(t ?? '').trim()].length;
  if (chars(c.title) < COMPLETE.titleMin)
    issues.push({ path: 'title', message: `标题至少 ${COMPLETE.titleMin} 个字` });
  if (chars(c.summary) < COMPLETE.summaryMin)
    issues.push({ path: 'summary', message: `请用至少 ${COMPLETE.summaryMin} 个字说说要做什么` });
  if (chars(c.details) < COMPLETE.detailsMin)
    issues.push({ path: 'details', message: `请用至少 ${COMPLETE.detailsMin} 个字写清楚怎么做` });
  if (c.budgetLines.length === 0) issues.push({ path: 'budgetLines', message: '请列出预算明细' });
  const total = budgetTotal(c.budgetLines);
  if (c.budgetLines.length > 0 && (total < s.minBudget || total > s.maxBudget))
    issues.push({
      path: 'budgetLines',
      message: `预算合计 ${total} 元，须在 ${s.minBudget}–${s.maxBudget} 元之间`,
    });
  if (c.months === undefined) issues.push({ path: 'months', message: '请填写实施月数' });
  else if (c.months > s.maxMonths)
    issues.push({ path: 'months', message: `实施时间不能超过 ${s.maxMonths} 个月` });
  if (!c.beneficiaries || c.beneficiaries.who.trim() === '' || c.beneficiaries.count < 1)
    issues.push({ path: 'beneficiaries', message: '请写明服务对象和大约人数' });
  return issues;
}

/** Throws INVALID_INPUT unless the proposal is complete. */
export function requireComplete(c: ProposalContent, s: RoundSettings): void {
  const issues = submissionIssues(c, s);
  if (issues.length > 0) throw invalid('提案还不完整，请补充后再提交', issues);
}

/** The proposal fields the rules read. */
export interface ProposalState {
  status: StoredStatus;
  authorId: string;
}

/** Who is acting, as the rules need it. */
export interface Actor {
  userId: string;
  /** Whether they administer the round's scope. */
  isAdmin: boolean;
}

/** Whether the actor wrote the proposal. */
export function isAuthor(p: ProposalState, actor: Actor): boolean {
  return p.authorId === actor.userId;
}

/**
 * Whether the author may change the content now: drafts and submitted proposals while collecting lasts; a
 * proposal sent back for changes while screening lasts. Nothing after that (no edit after screening).
 */
export function editableNow(p: ProposalState, round: PhaseState, now: Date): boolean {
  if (p.status === 'draft' || p.status === 'submitted') return isOpenFor(round, 'collecting', now);
  if (p.status === 'changes_requested') return isOpenFor(round, 'screening', now);
  return false;
}

/** Throws unless the actor may edit the proposal now. */
export function requireEditable(p: ProposalState, round: PhaseState, actor: Actor, now: Date): void {
  if (!isAuthor(p, actor)) throw forbidden('只有提案人可以修改提案');
  if (!editableNow(p, round, now)) {
    if (p.status === 'changes_requested') throw conflict('预审已结束，不能再修改');
    if (p.status === 'draft' || p.status === 'submitted') throw conflict('征集已结束，提案不能再修改');
    throw conflict('这个提案现在不能修改');
  }
}

/** The status after submitting, or a typed refusal. */
export function submitTransition(p: ProposalState, round: PhaseState, actor: Actor, now: Date): 'submitted' {
  if (!isAuthor(p, actor)) throw forbidden('只有提案人可以提交提案');
  if (p.status === 'draft' && isOpenFor(round, 'collecting', now)) return 'submitted';
  if (p.status === 'changes_requested' && isOpenFor(round, 'screening', now)) return 'submitted';
  if (p.status === 'submitted') throw conflict('提案已经提交了');
  if (p.status === 'draft') throw conflict('征集已结束，不能再提交');
  if (p.status === 'changes_requested') throw conflict('预审已结束，不能再提交修改');
  throw conflict('这个提案现在不能提交');
}

/** Throws unless the author may withdraw now: any live proposal before voting opens. */
export function requireWithdrawable(p: ProposalState, round: PhaseState, actor: Actor, now: Date): void {
  if (!isAuthor(p, actor)) throw forbidden('只有提案人可以撤回提案');
  if (p.status === 'draft') throw conflict('草稿不用撤回，可以直接删除');
  if (p.status === 'withdrawn') throw conflict('提案已经撤回了');
  if (p.status === 'rejected') throw conflict('未通过预审的提案无需撤回');
  const before = ['upcoming', 'collecting', 'screening'] as Phase[];
  if (!before.some((ph) => isOpenFor(round, ph, now))) throw conflict('投票已开始，提案不能再撤回');
}

/** A screening decision. */
export type ScreeningDecision = 'accept' | 'reject' | 'request_changes';

/** The stored status a decision leads to. */
export const DECISION_STATUS: Record<ScreeningDecision, StoredStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  request_changes: 'changes_requested',
};

/**
 * Throws unless an admin may screen the proposal now: while screening lasts, any submitted (or already screened)
 * proposal; a decision may be revised until screening ends. Rejecting or asking for changes needs a note.
 */
export function requireScreenable(
  p: ProposalState,
  round: PhaseState,
  actor: Actor,
  decision: ScreeningDecision,
  note: string,
  now: Date,
): void {
  if (!actor.isAdmin) throw forbidden('只有本辖区的管理员可以预审提案');
  if (!isOpenFor(round, 'screening', now)) throw conflict('现在不是资格预审阶段');
  if (p.status === 'draft' || p.status === 'withdrawn') throw conflict('草稿或已撤回的提案不能预审');
  if (decision !== 'accept' && note.trim() === '')
    throw invalid('请写明理由，提案人会看到', [{ path: 'note', message: 'required' }]);
}

/** The round fields that decide a shown status. */
export interface RoundForStatus extends PhaseState {
  fundedIds?: readonly string[];
  completedIds?: readonly string[];
}

/** The status residents see. */
export function shownStatus(
  p: Pick<ProposalState, 'status'> & { id: string },
  round: RoundForStatus,
): ShownStatus {
  switch (p.status) {
    case 'submitted':
    case 'changes_requested':
      return isAtOrAfter(round.phase, 'voting') ? 'lapsed' : p.status;
    case 'accepted':
      if (round.resultsPublished) {
        if (!round.fundedIds?.includes(p.id)) return 'not_funded';
        return round.completedIds?.includes(p.id) ? 'completed' : 'funded';
      }
      if (round.phase === 'voting') return 'in_vote';
      if (isAtOrAfter(round.phase, 'results')) return 'counting';
      return 'accepted';
    default:
      return p.status;
  }
}

/** Status filters on the proposal list. */
export const STATUS_FILTERS = {
  all: null,
  submitted: ['submitted'],
  accepted: ['accepted', 'in_vote', 'counting'],
  changes_requested: ['changes_requested'],
  rejected: ['rejected'],
  funded: ['funded', 'completed'],
  not_funded: ['not_funded'],
  completed: ['completed'],
  withdrawn: ['withdrawn'],
  lapsed: ['lapsed'],
} as const satisfies Record<string, readonly ShownStatus[] | null>;

/** A status filter name. */
export type StatusFilter = keyof typeof STATUS_FILTERS;

/** Statuses 'all' leaves out: they have their own filters, and are out of the running. */
const OUT_OF_RUNNING: readonly ShownStatus[] = ['draft', 'withdrawn', 'lapsed', 'rejected'];

/** Whether a shown status passes a filter. */
export function passesFilter(status: ShownStatus, filter: StatusFilter): boolean {
  const allowed = STATUS_FILTERS[filter];
  if (allowed === null) return !OUT_OF_RUNNING.includes(status);
  return (allowed as readonly ShownStatus[]).includes(status);
}

/**
 * Whether someone may see a proposal: drafts only their author; text the content check held for review only the
 * author and the admins until an admin accepts it; everything else anyone.
 */
export function visibleTo(p: ProposalState & { moderation: 'pass' | 'review' }, actor: Actor): boolean {
  if (isAuthor(p, actor)) return true;
  if (p.status === 'draft') return false;
  if (p.moderation === 'review' && p.status !== 'accepted') return actor.isAdmin;
  return true;
}

/** Fields a save may change (any subset). */
export interface ContentPatch {
  title?: string;
  summary?: string;
  details?: string;
  budgetLines?: BudgetLine[];
  /** The total the proposer typed; the lines must sum to it once there are lines. */
  budget?: number;
  months?: number;
  beneficiaries?: { who: string; count: number };
  coProposers?: string[];
  photos?: string[];
}

/** An empty proposal. */
export const EMPTY_CONTENT: ProposalContent = {
  title: '',
  summary: '',
  details: '',
  budgetLines: [],
  coProposers: [],
  photos: [],
};

/**
 * The content after a save, and the budget to store: the sum of the lines, or (no lines yet) the total typed.
 * Throws INVALID_INPUT when a typed total disagrees with the lines.
 */
export function mergeContent(
  base: ProposalContent & { budget?: number },
  patch: ContentPatch,
): { content: ProposalContent; budget: number } {
  const { budget: typed, ...fields } = patch;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const content: ProposalContent = {
    title: base.title,
    summary: base.summary,
    details: base.details,
    budgetLines: base.budgetLines,
    months: base.months,
    beneficiaries: base.beneficiaries,
    coProposers: base.coProposers,
    photos: base.photos,
    ...defined,
  };
  const sum = budgetTotal(content.budgetLines);
  if (typed !== undefined && content.budgetLines.length > 0 && typed !== sum)
    throw invalid('预算明细与总预算不一致', [
      { path: 'budget', message: `预算明细合计 ${sum} 元，与总预算 ${typed} 元不一致` },
    ]);
  const budget = content.budgetLines.length > 0 ? sum : (typed ?? base.budget ?? 0);
  return { content, budget };
}

/** Throws NOT_FOUND for a proposal the actor may not see (a draft is nobody else's business). */
export function requireVisible(p: ProposalState & { moderation: 'pass' | 'review' }, actor: Actor): void {
  if (!visibleTo(p, actor)) throw notFound('提案');
}
