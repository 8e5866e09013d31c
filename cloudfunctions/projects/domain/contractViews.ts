/** What the contract pages show, made from the documents (no ids of people, dates as instants). Pure. */
import type {
  AmendmentDoc,
  ContractDoc,
  ContractParty,
  EvaluationDoc,
  ProgressReportDoc,
  SpendingDoc,
  VisitDoc,
} from '../documents';
import { amendmentView } from './amendments';
import { appealOpen, spendingByLine, trancheRefusal } from './evaluation';
import type { Progress, Standing } from './tracking';

/** The parties in the order they sign, with their names in Chinese. */
export const PARTY_NAMES: Record<ContractParty, string> = {
  buyer: '购买方',
  provider: '承接方',
  supervisor: '监管方',
};

/** A contract in a list. */
export interface ContractListItem {
  id: string;
  title: string;
  category: string;
  orgName: string;
  communityNames: string[];
  status: ContractDoc['status'];
  amountFen: number;
  from: Date;
  to: Date;
  signed: ContractParty[];
  /** The caller supervises it and it is under way: the list offers the visit page at once. */
  mayVisit: boolean;
}

/** A contract in a list (`callerId`: whose list, to offer the supervisor's visit). */
export function contractListItem(c: ContractDoc, callerId = ''): ContractListItem {
  return {
    id: c._id,
    title: c.title,
    category: c.category,
    orgName: c.orgName,
    communityNames: c.communityNames,
    status: c.status,
    amountFen: c.amountFen,
    from: c.period.from,
    to: c.period.to,
    signed: c.signatures.map((s) => s.party),
    mayVisit: !!callerId && c.status === 'active' && c.parties.supervisor.userIds.includes(callerId),
  };
}

/** An evaluation as its readers see it. */
export function evaluationView(e: EvaluationDoc, now: Date) {
  return {
    id: e._id,
    stage: e.stage,
    sheets: e.sheets,
    weights: e.weights,
    total: e.total,
    grade: e.grade,
    comment: e.comment,
    criteria: e.criteria ?? [],
    spending: e.spending,
    by: e.by.name,
    at: e.at,
    appealBy: e.appealBy,
    appeal: e.appeal ? { reason: e.appeal.reason, by: e.appeal.by.name, at: e.appeal.at } : null,
    appealOpen: appealOpen(e, now),
    current: !e.supersededBy,
    supersedes: e.supersedes ?? null,
  };
}

/** A contract with everything its three parties see. */
export function contractDetailView(
  c: ContractDoc,
  my: ContractParty[],
  progress: Progress[],
  standing: Standing | 'signing',
  docs: {
    amendments: AmendmentDoc[];
    evaluations: EvaluationDoc[];
    reports: ProgressReportDoc[];
    visits: VisitDoc[];
    spending: SpendingDoc[];
  },
  now: Date,
) {
  return {
    ...contractListItem(c),
    orgId: c.orgId,
    streetId: c.streetId,
    parties: {
      buyer: c.parties.buyer.name,
      provider: c.parties.provider.name,
      supervisor: c.parties.supervisor.name,
    },
    signatures: c.signatures.map((s) => ({ party: s.party, name: s.by.name, at: s.at })),
    my,
    /** Parties the caller may still sign as. */
    maySign: c.status === 'signing' ? my.filter((p) => !c.signatures.some((s) => s.party === p)) : [],
    standing,
    progress,
    milestones: c.milestones.map((m) => ({ key: m.key, label: m.label, due: m.due })),
    tranches: c.tranches.map((t) => ({
      key: t.key,
      label: t.label,
      percent: t.percent,
      amountFen: t.amountFen,
      released: t.released ? { by: t.released.by.name, at: t.released.at } : null,
      refusal: trancheRefusal(c, t, docs.evaluations) ?? null,
    })),
    budget: spendingByLine(c, docs.spending),
    /** The spending records (newest first) with their receipts, for the financial review. */
    spending: docs.spending
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((x) => ({
        id: x._id,
        lineKey: x.lineKey,
        label: c.budgetLines.find((l) => l.key === x.lineKey)?.label ?? '',
        amountFen: x.amountFen,
        note: x.note,
        receipts: x.receipts,
        by: x.by.name,
        at: x.at,
      })),
    /** The amendments (补充协议), newest first; the terms above are those in force. */
    amendments: [...docs.amendments].sort((a, b) => b.n - a.n).map((a) => amendmentView(a, c, my)),
    /** Any party may propose one while the contract is active and no other amendment is being signed. */
    mayAmend:
      c.status === 'active' && my.length > 0 && docs.amendments.every((a) => a.status === 'effective'),
    evaluations: docs.evaluations
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((e) => evaluationView(e, now)),
    reports: docs.reports
      .sort((a, b) => b.month.localeCompare(a.month))
      .map((r) => ({
        month: r.month,
        values: r.values,
        note: r.note,
        attachments: r.attachments.length,
        by: r.by.name,
        at: r.at,
      })),
    visits: docs.visits
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((v) => ({ id: v._id, total: v.total, note: v.note, photos: v.photos, by: v.by.name, at: v.at })),
    supersedes: c.supersedes ?? null,
  };
}

/** The contract page's reply. */
export type ContractDetail = ReturnType<typeof contractDetailView>;
