/**
 * demands — the demand list (需求征集): for admins, the lines of the communities in their scope with counts and
 * what residents wrote (never who); for residents, the lines of their own community with counts, so they can
 * see what neighbours asked for. Most asked first, 20 a page.
 * Input: { communityId?, status, offset, limit }. Result: Page<DemandView>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (a resident asking about another community).
 * Round trips: 2.
 */
import { action } from '../../common/action';
import { adminGrants } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { forbidden } from '../../common/errors';
import type { Page } from '../../common/schemas';
import { listPage } from '../../common/paging';
import { servicesInputs, type DemandView } from '../contract';
import { demandView } from '../domain/demands';
import { DEMANDS, type DemandDoc } from '../documents';

export default action({
  input: servicesInputs.demands,
  async run(input, ctx): Promise<Page<DemandView>> {
    const me = await ctx.caller();
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const asAdmin = scopes.length > 0;
    let where: Record<string, unknown>;
    if (asAdmin) {
      // Lines outside the admin's scope never match.
      where = input.communityId
        ? { communityId: input.communityId, placePath: _.in(scopes) }
        : { placePath: _.in(scopes) };
    } else {
      const communityId = input.communityId ?? me.communityId;
      if (input.communityId && input.communityId !== me.communityId)
        throw forbidden('只能查看自己社区的需求');
      if (!communityId) return { items: [], next: null };
      where = { communityId };
    }
    return listPage(
      db
        .collection(DEMANDS)
        .where({ ...where, status: input.status })
        .orderBy('count', 'desc')
        .orderBy('lastAt', 'desc'),
      input,
      (d: DemandDoc) => demandView(d, me._id, asAdmin),
      { fields: { requesterOpenids: false } },
    );
  },
});
