/**
 * needs — the public list of open needs (微心愿), most urgent first, by street, community, recipient category
 * and item category. Recipients appear masked (张*, 80岁, 秣陵街道). Stories held for review are not listed.
 * Input: { streetId?, communityId?, category?, itemCategory?, offset, limit ≤ 20 }. Result: Page<NeedView>.
 * Errors: INVALID_INPUT. Round trips: 1.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import type { Page } from '../../common/schemas';
import { listPage } from '../../common/paging';
import { charityInputs, type NeedView } from '../contract';
import { needView } from '../domain/views';
import { NEEDS, type NeedDoc } from '../documents';

export default action({
  input: charityInputs.needs,
  async run(input, ctx): Promise<Page<NeedView>> {
    const where: Record<string, unknown> = {
      closed: false,
      moderation: 'pass',
      deadline: _.gt(ctx.now),
      available: _.gt(0),
    };
    if (input.streetId) where.placePath = input.streetId;
    if (input.communityId) where.communityId = input.communityId;
    if (input.category) where['publicProfile.category'] = input.category;
    if (input.itemCategory) where.itemCategory = input.itemCategory;
    return listPage(
      db.collection(NEEDS).where(where).orderBy('deadline', 'asc').orderBy('_id', 'asc'),
      input,
      (n: NeedDoc) => needView(n, ctx.now),
    );
  },
});
