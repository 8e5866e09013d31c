/**
 * The first read of every contract action: the contract with the caller and what the action needs of the
 * contract's own records (evaluations, reports, visits, spending), in one aggregation rooted at the contract. The
 * amendments always come with it: `contract` is the terms in force (domain/amendments `currentTerms`).
 */
import type { ActionContext } from '../../common/action';
import type { UserDoc } from '../../common/directory/users';
import { notFound, unauthenticated } from '../../common/errors';
import { readWithCaller, type Join } from '../../common/joins';
import {
  AMENDMENTS,
  CONTRACTS,
  EVALUATIONS,
  PROGRESS_REPORTS,
  SPENDING,
  VISITS,
  type AmendmentDoc,
  type ContractDoc,
  type EvaluationDoc,
  type ProgressReportDoc,
  type SpendingDoc,
  type VisitDoc,
} from '../documents';
import { currentTerms } from '../domain/amendments';

/** What a contract read may join. */
export type ContractPart = 'evaluations' | 'reports' | 'visits' | 'spending';

const JOINS: Record<ContractPart, Join> = {
  evaluations: { as: 'evaluations', from: EVALUATIONS, localField: '_id', foreignField: 'contractId' },
  reports: { as: 'reports', from: PROGRESS_REPORTS, localField: '_id', foreignField: 'contractId' },
  visits: { as: 'visits', from: VISITS, localField: '_id', foreignField: 'contractId' },
  spending: { as: 'spending', from: SPENDING, localField: '_id', foreignField: 'contractId' },
};

const AMENDMENTS_JOIN: Join = {
  as: 'amendments',
  from: AMENDMENTS,
  localField: '_id',
  foreignField: 'contractId',
};

/** A contract, its caller and its joined records. */
export interface ContractRead {
  /** The terms in force: the signed contract with its effective amendments applied. */
  contract: ContractDoc;
  /** Every amendment of the contract (signing or effective), oldest first. */
  amendments: AmendmentDoc[];
  caller: UserDoc;
  evaluations: EvaluationDoc[];
  reports: ProgressReportDoc[];
  visits: VisitDoc[];
  spending: SpendingDoc[];
}

/** Reads a contract (NOT_FOUND) with the caller (UNAUTHENTICATED) and the named parts: one round trip. */
export async function readContract(
  ctx: Pick<ActionContext, 'openid'>,
  contractId: string,
  parts: readonly ContractPart[] = [],
): Promise<ContractRead> {
  const read = await readWithCaller<ContractDoc>(ctx, [AMENDMENTS_JOIN, ...parts.map((p) => JOINS[p])], {
    from: CONTRACTS,
    match: { _id: contractId },
  });
  if (!read.caller) throw unauthenticated();
  if (!read.root) throw notFound('合同');
  const amendments = read.all<AmendmentDoc>('amendments').sort((a, b) => a.n - b.n);
  return {
    contract: currentTerms(read.root, amendments),
    amendments,
    caller: read.caller,
    evaluations: read.all<EvaluationDoc>('evaluations'),
    reports: read.all<ProgressReportDoc>('reports'),
    visits: read.all<VisitDoc>('visits'),
    spending: read.all<SpendingDoc>('spending'),
  };
}
