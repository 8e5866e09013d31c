/**
 * projects.orgCredit — an organization's credit value in a street (信用值): the value, the published formula and
 * its parts, where it stands in the pool, and the history of changes with the records that caused each, newest
 * first. For admins over the street and the organization's own staff.
 * Errors: FORBIDDEN (anyone else). Round trips: 2 (the caller with the pool entry; a page of the history).
 */
import { action } from '../../common/action';
import { isAdminOver, providerOrgIds } from '../../common/auth';
import { db } from '../../common/cloud';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { forbidden } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { listPage } from '../../common/paging';
import type { Page } from '../../common/schemas';
import { contractSchemas } from '../contract';
import { CREDIT_EVENTS, POOL, type CreditEventDoc, type PoolEntryDoc } from '../documents';
import { creditParts, CREDIT_FORMULA, CREDIT_THRESHOLD, NEUTRAL } from '../domain/credit';

/** A change of credit as shown. */
export interface CreditChange {
  value: number;
  previous: number;
  at: Date;
  suspended: boolean;
  causes: CreditEventDoc['causes'];
}

export default action({
  input: contractSchemas.orgCredit,
  async run(input, ctx) {
    const { caller, one } = await readWithCaller(ctx, [
      { as: 'pool', from: POOL, match: { _id: `${input.streetId}:${input.orgId}` }, limit: 1 },
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
    ]);
    const pool = one<PoolEntryDoc>('pool');
    const street = one<PlaceDoc>('street')?.path ?? [input.streetId];
    if (!isAdminOver(caller, street) && !providerOrgIds(caller).includes(input.orgId))
      throw forbidden('只有街道管理员和机构自己可以查看信用值');
    const history: Page<CreditChange & { parts: ReturnType<typeof creditParts> }> = await listPage(
      db
        .collection(CREDIT_EVENTS)
        .where({ streetId: input.streetId, orgId: input.orgId })
        .orderBy('n', 'desc'),
      input,
      (e: CreditEventDoc) => ({
        value: e.value,
        previous: e.previous,
        at: e.at,
        suspended: !!e.suspended,
        causes: e.causes,
        parts: creditParts(e.inputs),
      }),
    );
    const latest = history.items[0];
    return {
      value: pool?.credit ?? latest?.value ?? NEUTRAL * 100,
      poolStatus: pool?.status ?? null,
      poolReason: pool?.history.at(-1)?.reason ?? null,
      threshold: CREDIT_THRESHOLD,
      formula: CREDIT_FORMULA,
      parts: latest?.parts ?? null,
      history,
    };
  },
});
