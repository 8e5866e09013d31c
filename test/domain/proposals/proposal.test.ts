/** A proposal's completeness, budget lines, who may change it when, screening, shown status and visibility. */
import {
  EMPTY_CONTENT,
  mergeContent,
  passesFilter,
  requireEditable,
  requireScreenable,
  requireWithdrawable,
  shownStatus,
  submissionIssues,
  submitTransition,
  visibleTo,
  type ProposalContent,
} from '../../../cloudfunctions/proposals/domain/proposal';
import type { PhaseState, Schedule } from '../../../cloudfunctions/proposals/domain/phases';
import type { RoundSettings } from '../../../cloudfunctions/proposals/domain/settings';

const D = 24 * 60 * 60_000;
const T = Date.UTC(2026, 2, 1);
const schedule: Schedule = {
  collectingFrom: new Date(T),
  screeningFrom: new Date(T + 10 * D),
  votingFrom: new Date(T + 15 * D),
  votingUntil: new Date(T + 22 * D),
  workFrom: new Date(T + 25 * D),
};
const settings: RoundSettings = {
  totalBudget: 50000,
  minBudget: 2000,
  maxBudget: 10000,
  perAuthor: 2,
  voteMode: 'approval',
  approvalLimit: 3,
  showTallies: true,
  maxMonths: 6,
  minVotes: 1,
};
const round = (phase: PhaseState['phase']): PhaseState => ({ phase, schedule, resultsPublished: false });
const at = (ms: number) => new Date(T + ms);
const author = { userId: 'u1', isAdmin: false };
const other = { userId: 'u2', isAdmin: false };
const admin = { userId: 'a1', isAdmin: true };

const complete: ProposalContent = {
  title: '儿童安全小课堂',
  summary: '教孩子认识交通和用电安全。',
  details: '每月两次，由社区护士和志愿者在活动室授课，共十次课。',
  budgetLines: [
    { item: '教具', amount: 1500 },
    { item: '讲师', amount: 1500 },
  ],
  months: 5,
  beneficiaries: { who: '社区儿童', count: 40 },
  coProposers: [],
  photos: [],
};

it('lists what a proposal lacks, against the round rules', () => {
  expect(submissionIssues(complete, settings)).toEqual([]);
  expect(submissionIssues(EMPTY_CONTENT, settings).map((i) => i.path)).toEqual([
    'title',
    'summary',
    'details',
    'budgetLines',
    'months',
    'beneficiaries',
  ]);
  const dear = { ...complete, budgetLines: [{ item: '设备', amount: 12000 }], months: 8 };
  expect(submissionIssues(dear, settings).map((i) => i.path)).toEqual(['budgetLines', 'months']);
});

it('keeps the budget as the sum of the lines, refusing a typed total that disagrees', () => {
  expect(mergeContent({ ...EMPTY_CONTENT }, { budget: 5000 }).budget).toBe(5000);
  expect(mergeContent({ ...complete, budget: 3000 }, { title: '新标题' })).toMatchObject({
    budget: 3000,
    content: { title: '新标题', summary: complete.summary },
  });
  expect(() => mergeContent(complete, { budget: 4000 })).toThrow('预算明细与总预算不一致');
});

it('lets the author edit drafts and submissions while collecting, changes while screening, nothing after', () => {
  const p = (status: 'draft' | 'submitted' | 'changes_requested' | 'accepted') => ({
    status,
    authorId: 'u1',
  });
  expect(() => requireEditable(p('draft'), round('collecting'), author, at(D))).not.toThrow();
  expect(() => requireEditable(p('submitted'), round('collecting'), author, at(D))).not.toThrow();
  expect(() => requireEditable(p('submitted'), round('collecting'), other, at(D))).toThrow(
    expect.objectContaining({ code: 'FORBIDDEN' }),
  );
  expect(() => requireEditable(p('submitted'), round('screening'), author, at(11 * D))).toThrow('征集已结束');
  expect(() => requireEditable(p('changes_requested'), round('screening'), author, at(11 * D))).not.toThrow();
  expect(() => requireEditable(p('changes_requested'), round('voting'), author, at(16 * D))).toThrow(
    '预审已结束',
  );
  expect(() => requireEditable(p('accepted'), round('screening'), author, at(11 * D))).toThrow(
    expect.objectContaining({ code: 'CONFLICT' }),
  );
  // The date passed before the timer moved the phase: already closed.
  expect(() => requireEditable(p('draft'), round('collecting'), author, at(10 * D))).toThrow('征集已结束');
});

it('submits drafts while collecting and resubmits changes while screening', () => {
  expect(submitTransition({ status: 'draft', authorId: 'u1' }, round('collecting'), author, at(D))).toBe(
    'submitted',
  );
  expect(
    submitTransition({ status: 'changes_requested', authorId: 'u1' }, round('screening'), author, at(11 * D)),
  ).toBe('submitted');
  expect(() =>
    submitTransition({ status: 'submitted', authorId: 'u1' }, round('collecting'), author, at(D)),
  ).toThrow('已经提交');
  expect(() =>
    submitTransition({ status: 'draft', authorId: 'u1' }, round('screening'), author, at(11 * D)),
  ).toThrow('征集已结束');
});

it('withdraws before voting only', () => {
  expect(() =>
    requireWithdrawable({ status: 'accepted', authorId: 'u1' }, round('screening'), author, at(11 * D)),
  ).not.toThrow();
  expect(() =>
    requireWithdrawable({ status: 'accepted', authorId: 'u1' }, round('voting'), author, at(16 * D)),
  ).toThrow('投票已开始');
  expect(() =>
    requireWithdrawable({ status: 'draft', authorId: 'u1' }, round('collecting'), author, at(D)),
  ).toThrow('直接删除');
});

it('screens only while screening, by admins, with a reason to reject or ask for changes', () => {
  const p = { status: 'submitted' as const, authorId: 'u1' };
  expect(() => requireScreenable(p, round('screening'), admin, 'accept', '', at(11 * D))).not.toThrow();
  expect(() => requireScreenable(p, round('screening'), other, 'accept', '', at(11 * D))).toThrow(
    expect.objectContaining({ code: 'FORBIDDEN' }),
  );
  expect(() => requireScreenable(p, round('screening'), admin, 'reject', ' ', at(11 * D))).toThrow(
    expect.objectContaining({ code: 'INVALID_INPUT' }),
  );
  expect(() => requireScreenable(p, round('collecting'), admin, 'accept', '', at(D))).toThrow(
    '现在不是资格预审阶段',
  );
});

it('derives the shown status from the round', () => {
  const r = (phase: PhaseState['phase'], extra = {}) => ({ ...round(phase), ...extra });
  expect(shownStatus({ id: 'x', status: 'submitted' }, r('voting'))).toBe('lapsed');
  expect(shownStatus({ id: 'x', status: 'accepted' }, r('voting'))).toBe('in_vote');
  expect(shownStatus({ id: 'x', status: 'accepted' }, r('results'))).toBe('counting');
  const published = { resultsPublished: true, fundedIds: ['x'], completedIds: [] };
  expect(shownStatus({ id: 'x', status: 'accepted' }, r('in_progress', published))).toBe('funded');
  expect(shownStatus({ id: 'y', status: 'accepted' }, r('in_progress', published))).toBe('not_funded');
  expect(
    shownStatus({ id: 'x', status: 'accepted' }, r('closed', { ...published, completedIds: ['x'] })),
  ).toBe('completed');
  expect(passesFilter('in_vote', 'accepted')).toBe(true);
  expect(passesFilter('rejected', 'all')).toBe(false);
  expect(passesFilter('completed', 'funded')).toBe(true);
});

it('shows drafts only to their author, and held text only to the author and admins until accepted', () => {
  const draft = { status: 'draft' as const, authorId: 'u1', moderation: 'pass' as const };
  expect(visibleTo(draft, author)).toBe(true);
  expect(visibleTo(draft, admin)).toBe(false);
  const held = { status: 'submitted' as const, authorId: 'u1', moderation: 'review' as const };
  expect(visibleTo(held, other)).toBe(false);
  expect(visibleTo(held, admin)).toBe(true);
  expect(visibleTo({ ...held, status: 'accepted' }, other)).toBe(true);
});
