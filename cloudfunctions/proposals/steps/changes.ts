/** What requestChange, decideChange and the reads share: a request's view and a project's change state. */
import type { ChangeView } from '../contract';
import { changeLabel, changeState, type ChangeDoc, type ProjectChangeState } from '../domain/changes';
import type { RoundDoc } from '../documents';

const STATUS_LABELS: Record<ChangeDoc['status'], string> = {
  pending: '等待管理员审批',
  approved: '已同意',
  refused: '未同意',
};

/** A request as the author and admins see it. */
export function changeView(c: ChangeDoc, title: string): ChangeView {
  return {
    id: c.id,
    proposalId: c.proposalId,
    title,
    kind: c.kind,
    label: changeLabel(c),
    budget: c.budget,
    reason: c.reason,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    ...(c.note ? { note: c.note } : {}),
    ...(c.returnedFen !== undefined ? { returned: c.returnedFen / 100 } : {}),
  };
}

/** The funded project's title and awarded budget (yuan), or undefined when not funded. */
export function awarded(round: RoundDoc, proposalId: string): { title: string; budget: number } | undefined {
  if (!round.results?.publishedAt) return undefined;
  const e = round.results.entries.find((x) => x.id === proposalId && x.funded);
  return e && { title: e.title, budget: e.budget };
}

/** A funded project's change state (budget after approved changes, returned, abandoned, pending). */
export function projectChange(round: RoundDoc, proposalId: string, awardedYuan: number): ProjectChangeState {
  return changeState(awardedYuan, proposalId, round.changes ?? []);
}
