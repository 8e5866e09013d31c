/**
 * recipients — the recipients registry for an admin: everyone registered within their scope (optionally one
 * community, a name or phone search, inactive ones too), newest first, in full (only admins of the place reach
 * this). Input: { communityId?, query, includeInactive, offset, limit ≤ 20 }. Result: Page<RecipientView>.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin). Round trips: 2.
 */
import { action } from '../../common/action';
import { adminGrants, requireAnyAdmin } from '../../common/auth';
import { _, db } from '../../common/cloud';
import type { Page } from '../../common/schemas';
import { listPage } from '../../common/paging';
import { charityInputs, type RecipientView } from '../contract';
import { publicProfile } from '../domain/privacy';
import type { RecipientDoc } from '../documents';
import { recipientView } from '../domain/views';
import { RECIPIENTS } from '../documents';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default action({
  input: charityInputs.recipients,
  async run(input, ctx): Promise<Page<RecipientView>> {
    const me = await ctx.caller();
    requireAnyAdmin(me);
    const where: object[] = [{ placePath: _.in(adminGrants(me).map((g) => g.scopeId!)) }];
    if (input.communityId) where.push({ communityId: input.communityId });
    if (!input.includeInactive) where.push({ active: true });
    if (input.query) {
      const pattern = db.RegExp({ regexp: escapeRegExp(input.query), options: 'i' });
      where.push(_.or([{ name: pattern }, { phone: pattern }]));
    }
    return listPage(
      db.collection(RECIPIENTS).where(_.and(where)).orderBy('createdAt', 'desc').orderBy('_id', 'asc'),
      input,
      (r: RecipientDoc) => recipientView(r, ctx.now, publicProfile(r, ctx.now)),
    );
  },
});
