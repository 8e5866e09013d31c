/**
 * Reading the organizations' credit (信用值) for matching: their entries in the streets' qualified pools, as the
 * projects capability keeps them (its `refresh` timer writes `credit`). A join for the aggregation that already
 * reads the candidate organizations, so a resident's or staff member's action pays no round trip for it, and a
 * plain query for the timer. Only the organization, street and credit are read.
 */
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import type { Join } from '../../common/joins';
import { POOL_CREDIT_FIELDS, POOL_CREDITS, type PoolCreditRow } from '../documents';

/**
 * The pool entries of the organizations listed in the root's field `orgIdsField` (set by an earlier join), as
 * `credits`. Correlated through `$expr` so it can project; an absent list (no item) reads nothing.
 */
export function creditsJoin(orgIdsField: string): Join {
  return {
    as: 'credits',
    from: POOL_CREDITS,
    let: { orgIds: `$${orgIdsField}` },
    expr: _.aggregate.in(['$orgId', _.aggregate.ifNull(['$$orgIds', []])]) as unknown as Record<
      string,
      unknown
    >,
    project: POOL_CREDIT_FIELDS,
  };
}

/** The pool entries of these organizations (one round trip; the timer's read). */
export async function creditsOf(orgIds: readonly string[]): Promise<PoolCreditRow[]> {
  if (orgIds.length === 0) return [];
  return rows<PoolCreditRow>(
    await db
      .collection(POOL_CREDITS)
      .where({ orgId: _.in([...orgIds]) })
      .limit(1000)
      .field(POOL_CREDIT_FIELDS)
      .get(),
  );
}
