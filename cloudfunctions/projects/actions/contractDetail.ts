/**
 * projects.contractDetail — a contract for its parties: terms, signatures, live indicator progress counted from
 * the delivery records (domain/tracking), standing, tranches (with why one may not be released yet), budget
 * lines against spending, evaluations, monthly reports and visits.
 * Errors: NOT_FOUND, FORBIDDEN (not a party). Round trips: 2 — the contract with the caller and its own records,
 * then the delivery records of its indicators' sources in one aggregation.
 */
import { action } from '../../common/action';
import { forbidden } from '../../common/errors';
import { contractSchemas } from '../contract';
import { contractDetailView, type ContractDetail } from '../domain/contractViews';
import { contractProgress, sourceOf, standingOf, type SourceName } from '../domain/tracking';
import { partiesOf } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';
import { readSources, type SourceScope } from '../steps/sources';

export default action({
  input: contractSchemas.contractDetail,
  async run(input, ctx): Promise<ContractDetail> {
    const read = await readContract(ctx, input.contractId, ['evaluations', 'reports', 'visits', 'spending']);
    const { contract: c, caller } = read;
    const my = partiesOf(caller, c);
    if (my.length === 0) throw forbidden('只有合同的三方可以查看');
    const names = c.indicators.map((i) => sourceOf(i.source)).filter((n): n is SourceName => !!n);
    const rows = names.length > 0 ? await readSources(ctx, c._id, names, scopeOf(c)) : {};
    const progress = c.status === 'signing' ? [] : contractProgress(c, rows, read.reports);
    const standing = c.status === 'signing' ? 'signing' : standingOf(c.period, progress, ctx.now);
    return contractDetailView(c, my, progress, standing, read, ctx.now);
  },
});

/** What a contract's records are read over. */
export function scopeOf(c: {
  orgId: string;
  communityIds: string[];
  streetId: string;
  period: { from: Date; to: Date };
}): SourceScope {
  return { orgIds: [c.orgId], communityIds: c.communityIds, streetId: c.streetId, ...c.period };
}
