/** How 微公益 reads to people: money, phases, statuses and quotas in plain Chinese (dates: shared/calendar). */
import type { BallotView, Phase, ShownStatus, VoteMode } from './views';
import { dayText } from '../../../shared/calendar';

/** 4000 → "4,000 元"; 1280.5 → "1,280.50 元". */
export function yuan(n: number): string {
  const fixed = Number.isInteger(n) ? String(n) : n.toFixed(2);
  const [int, dec] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${dec ? `.${dec}` : ''} 元`;
}

/** A phase's tag theme. */
export const PHASE_THEMES: Record<Phase, string> = {
  upcoming: 'default',
  collecting: 'primary',
  screening: 'warning',
  voting: 'success',
  results: 'primary',
  in_progress: 'primary',
  closed: 'default',
};

/** What ends the current phase, for a card: "征集截止 3月12日". */
export function phaseEnds(phase: Phase, endsAt: string | undefined): string {
  if (!endsAt) return '';
  const words: Partial<Record<Phase, string>> = {
    upcoming: '开始征集',
    collecting: '征集截止',
    screening: '预审截止',
    voting: '投票截止',
  };
  return words[phase] ? `${words[phase]} ${dayText(endsAt)}` : '';
}

/** A status's tag theme. */
export const STATUS_THEMES: Record<ShownStatus, string> = {
  draft: 'default',
  submitted: 'primary',
  changes_requested: 'warning',
  accepted: 'success',
  rejected: 'danger',
  withdrawn: 'default',
  lapsed: 'default',
  in_vote: 'success',
  counting: 'primary',
  funded: 'success',
  not_funded: 'default',
  completed: 'success',
};

/**
 * What happens next with a proposal, for a viewer with nothing to do on it (so no status is a dead end): who acts
 * next, or why it stops here and where to turn.
 */
export const NEXT_STEP: Record<ShownStatus, string> = {
  draft: '这是草稿，只有提案人自己看得到，写完后提交才会进入预审。',
  submitted: '提案已提交，社区会在资格预审阶段审核，结果写在下面的预审记录里。',
  changes_requested: '社区请提案人修改，理由见预审记录；提案人修改后会重新提交。',
  accepted: '已通过预审，投票开始后居民就可以投票支持。',
  rejected: '没有通过预审，理由见预审记录。有疑问请联系社区工作人员。',
  withdrawn: '提案人已撤回这个提案，它不参加本期评选。',
  lapsed: '预审结束前没有完成修改，这个提案不参加本期投票，下一期可以重新提出。',
  in_vote: '',
  counting: '投票已经结束，正在计票，结果公布后会显示在这里。',
  funded: '获得资助，提案人会按计划实施，每一笔支出和进展都会公开。',
  not_funded: '这次没有获得资助，下一期可以重新提出。',
  completed: '项目已经完成，每一笔支出都可以在账目里查看。',
};

/** How voting works in a round, in one sentence. */
export function voteModeWords(mode: VoteMode, approvalLimit: number, totalBudget: number): string {
  return mode === 'approval'
    ? `每人最多支持 ${approvalLimit} 个提案`
    : `每人可以支持多个提案，所选提案的预算加起来不超过 ${yuan(totalBudget)}`;
}

/** What the voter has left: "您还能投 2 票" / "您还剩 4,000 元可选". */
export function quotaWords(b: BallotView): string {
  if (b.mode === 'approval')
    return b.left > 0 ? `您还能投 ${b.left} 票（共 ${b.limit} 票）` : `您的 ${b.limit} 票已经投完了`;
  return b.left > 0 ? `您还剩 ${yuan(b.left)} 可以选` : '您选的提案已经用完了本期预算';
}
