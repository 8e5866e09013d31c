/**
 * projects.indicatorRecords — the records behind one indicator's number (which order, which hours, which
 * donation…), newest first, 20 at a time; for a `report` indicator, the monthly reports' values.
 * Errors: NOT_FOUND (contract or indicator), FORBIDDEN (not a party). Round trips: 2 (the contract with the caller
 * and its reports; the source's records in one aggregation, unbounded by the 1,000-row cap).
 */
import { monthText } from '../../../miniprogram/shared/calendar';
import { action } from '../../common/action';
import { forbidden, notFound } from '../../common/errors';
import { pageOf } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { contractSchemas } from '../contract';
import { recordsFor, sourceOf, type DeliveryRecord } from '../domain/tracking';
import { partiesOf } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';
import { readSources } from '../steps/sources';
import { scopeOf } from './contractDetail';

/** A record in the list (reports read as one record per month). */
export type RecordItem = Omit<DeliveryRecord, 'source'> & { source: DeliveryRecord['source'] | 'report' };

export default action({
  input: contractSchemas.indicatorRecords,
  async run(input, ctx): Promise<Page<RecordItem> & { total: number }> {
    const { contract: c, caller, reports } = await readContract(ctx, input.contractId, ['reports']);
    if (partiesOf(caller, c).length === 0) throw forbidden('只有合同的三方可以查看');
    const indicator = c.indicators.find((i) => i.key === input.indicatorKey);
    if (!indicator) throw notFound('指标');
    const name = sourceOf(indicator.source);
    let all: RecordItem[];
    if (!name) {
      all = reports
        .flatMap((r) =>
          r.values
            .filter((v) => v.indicatorKey === indicator.key)
            .map((v) => ({
              id: `report:${r._id}`,
              source: 'report' as const,
              at: r.at,
              label: `${monthText(r.month)}报送`,
              communityName: '',
              value: v.value,
            })),
        )
        .sort((a, b) => b.at.getTime() - a.at.getTime());
    } else {
      all = recordsFor(indicator.source, c, await readSources(ctx, c._id, [name], scopeOf(c)));
    }
    return { ...pageOf(all, input), total: all.length };
  },
});
