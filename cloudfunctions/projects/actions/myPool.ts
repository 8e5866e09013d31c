/**
 * myPool — an organization's staff see their organizations' pool entries (status, checklist, credit, history)
 * and the streets they may apply to.
 * Input: {}. Result: MyPool.
 * Errors: UNAUTHENTICATED, FORBIDDEN (not provider staff).
 * Round trips: 1 (caller with organizations, entries and streets).
 */
import { action } from '../../common/action';
import { providerOrgIds, requireProvider } from '../../common/auth';
import { ORGANIZATIONS, type OrgDoc } from '../../common/directory/orgs';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { readWithCaller } from '../../common/joins';
import { poolInputs, type MyPool } from '../contract';
import { POOL, type PoolEntryDoc } from '../documents';
import { poolEntryView } from '../domain/views';

export default action({
  input: poolInputs.myPool,
  async run(_input, ctx): Promise<MyPool> {
    const read = await readWithCaller(ctx, [
      { set: { myOrgIds: '$roles.orgId' } },
      { as: 'orgs', from: ORGANIZATIONS, localField: 'myOrgIds', foreignField: '_id' },
      { as: 'entries', from: POOL, localField: 'myOrgIds', foreignField: 'orgId' },
      { as: 'streets', from: PLACES, match: { level: 'street' }, sort: { order: 1 } },
    ]);
    requireProvider(read.caller);
    const orgIds = providerOrgIds(read.caller);
    const streets = read.all<PlaceDoc>('streets');
    const name = (id: string) => streets.find((s) => s._id === id)?.name ?? '';
    return {
      orgs: read
        .all<OrgDoc>('orgs')
        .filter((o) => orgIds.includes(o._id))
        .map((o) => ({ id: o._id, name: o.name })),
      entries: read
        .all<PoolEntryDoc>('entries')
        .filter((e) => orgIds.includes(e.orgId))
        .map((e) => poolEntryView(e, name(e.streetId))),
      streets: streets.map((s) => ({ id: s._id, name: s.name })),
    };
  },
});
