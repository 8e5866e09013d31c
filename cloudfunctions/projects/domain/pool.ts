/** The qualified pool (备选库): the default checklist and the moves an assessment may make (pure). */
import type { ChecklistItem, PoolEntryDoc, PoolStatus } from '../documents';

/** The checklist a street's applications are assessed against until it sets its own (江宁's 准入 rules). */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: 'registered', label: '依法登记，年检（年报）合格' },
  { key: 'governance', label: '内部治理结构健全，有章程和财务制度' },
  { key: 'staff', label: '有专职社工或相关专业人员' },
  { key: 'record', label: '近两年无违法违规和失信记录' },
  { key: 'experience', label: '有同类社区服务经验' },
];

/** Pool statuses in plain words. */
export const POOL_STATUS_TEXT: Readonly<Record<PoolStatus, string>> = {
  applied: '待评估',
  admitted: '已入库',
  rejected: '未通过',
  suspended: '暂停申报',
  removed: '已移出',
};

/** History kinds in plain words. */
export const POOL_EVENT_TEXT: Readonly<Record<string, string>> = {
  applied: '提交入库申请',
  reapplied: '重新提交申请',
  admitted: '评估通过，入库',
  rejected: '评估未通过',
  suspended: '暂停申报资格',
  removed: '移出备选库',
};

/** Whether an organization may (re)apply given its entry: anew, or after a rejection. */
export function mayApply(entry: Pick<PoolEntryDoc, 'status'> | undefined): boolean {
  return !entry || entry.status === 'rejected';
}

/** The assessment's checklist: every item of the street's list answered, or an error naming what is missing. */
export function assessedChecklist(
  items: readonly ChecklistItem[],
  answers: readonly { key: string; passed: boolean; note: string }[],
): { checklist: PoolEntryDoc['checklist']; missing: string[]; allPassed: boolean } {
  const by = new Map(answers.map((a) => [a.key, a]));
  const missing = items.filter((i) => !by.has(i.key)).map((i) => i.label);
  const checklist = items.map((i) => {
    const a = by.get(i.key);
    return { key: i.key, label: i.label, passed: a?.passed ?? false, ...(a?.note ? { note: a.note } : {}) };
  });
  return { checklist, missing, allPassed: checklist.every((c) => c.passed) };
}
