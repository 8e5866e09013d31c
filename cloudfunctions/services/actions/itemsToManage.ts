/**
 * itemsToManage — menu items to look after: for admins, every item of organizations in their scope (proposals
 * waiting first when no status is given); for provider staff, their organization's items with the review
 * outcome. 20 a page, most recently changed first.
 * Input: { status?, offset, limit }. Result: Page<ItemAdminView>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (neither admin nor staff). Round trips: 2.
 */
import { action } from '../../common/action';
import { adminGrants, providerOrgIds } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { forbidden } from '../../common/errors';
import { listPage } from '../../common/paging';
import { servicesInputs } from '../contract';
import { itemAdminView } from '../domain/views';
import { ITEMS } from '../documents';

export default action({
  input: servicesInputs.itemsToManage,
  async run(input, ctx) {
    const me = await ctx.caller();
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const orgs = providerOrgIds(me);
    if (scopes.length === 0 && orgs.length === 0) throw forbidden('只有管理员和服务机构可以管理服务项目');
    const mine = _.or([
      ...(scopes.length > 0 ? [{ scopePath: _.in(scopes) }] : []),
      ...(orgs.length > 0 ? [{ orgIds: _.in(orgs) }] : []),
    ]);
    const where = input.status ? _.and([mine, { status: input.status }]) : mine;
    return listPage(db.collection(ITEMS).where(where).orderBy('updatedAt', 'desc'), input, itemAdminView, {
      fields: { slots: false, holds: false },
    });
  },
});
