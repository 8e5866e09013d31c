/**
 * setSupermarket — an admin over a street opens (or updates) that street's charity supermarket: name, address,
 * opening hours, phone, and the organizations whose staff operate it (receive, allocate, deliver). Only
 * organizations registered in or above that street, and still active, may be named. Public texts are
 * content-checked.
 * Input: { streetId, name, address, hours, phone?, orgIds }. Result: SupermarketView (with orgIds).
 * Errors: INVALID_INPUT (an organization that cannot serve the street), UNAUTHENTICATED, FORBIDDEN (not an admin
 * over the street), NOT_FOUND (street), CONTENT_REJECTED.
 * Round trips: 2 (caller + street + organizations + the current record, the write).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { invalid, notFound } from '../../common/errors';
import { charityInputs, type SupermarketView } from '../contract';
import { supermarketView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { SUPERMARKETS, type SupermarketDoc } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';
import { PLACES, type PlaceRef } from '../../common/directory/places';

export default action({
  input: charityInputs.setSupermarket,
  async run(input, ctx): Promise<SupermarketView> {
    const orgIds = [...new Set(input.orgIds)];
    const r = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
      { as: 'orgs', from: ORGANIZATIONS, match: { _id: _.in(orgIds) }, limit: orgIds.length || 1 },
      { as: 'current', from: SUPERMARKETS, match: { _id: input.streetId }, limit: 1 },
    ]);
    const street = r.one<PlaceRef>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(r.caller, street.path);
    const orgs = r.all<OrgRef>('orgs');
    const bad = orgIds.filter((id) => {
      const org = orgs.find((o) => o._id === id);
      return (
        !org || !org.active || !(street.path.includes(org.scopeId) || org.scopePath.includes(street._id))
      );
    });
    if (bad.length > 0)
      throw invalid(
        '只能选择在本街道（或上级）登记、仍在服务的机构',
        bad.map((id) => ({ path: 'orgIds', message: id })),
      );
    await checkText(ctx.openid, [input.name, input.address, input.hours]);
    const current = r.one<SupermarketDoc>('current');
    const doc: Omit<SupermarketDoc, '_id'> = {
      name: input.name,
      address: input.address,
      hours: input.hours,
      ...(input.phone ? { phone: input.phone } : {}),
      streetName: street.name,
      placePath: street.path,
      orgIds,
      updatedBy: r.caller._id,
      createdAt: current ? current.createdAt : ctx.now,
      updatedAt: ctx.now,
    };
    await db.collection(SUPERMARKETS).doc(street._id).set({ data: doc });
    return supermarketView({ _id: street._id, ...doc }, true);
  },
});
