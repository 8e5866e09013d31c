/**
 * menu — 百姓点菜: the approved items residents of a community can order (offered there by an active
 * organization), by category, with prices and who may order them in plain words. The caller's own community
 * unless another is asked for. 20 a page; the first page also counts items per category.
 * Input: { communityId?, category?, offset, limit }. Result: MenuView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED. Round trips: 3 (caller with the community's organizations, items,
 * category counts); 2 after the first page.
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { listPage } from '../../common/paging';
import { CATEGORIES, servicesInputs, type Category, type MenuView } from '../contract';
import { placeNamesOf } from '../domain/people';
import { itemCard } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { ITEMS } from '../documents';
import { ORGANIZATIONS, type OrgRef } from '../../common/directory/orgs';
import { PLACES, type PlaceRef } from '../../common/directory/places';

export default action({
  input: servicesInputs.menu,
  async run(input, ctx): Promise<MenuView> {
    const other = input.communityId;
    const r = await readWithCaller(
      ctx,
      other
        ? [
            { as: 'orgs', from: ORGANIZATIONS, match: { communityIds: other, active: true } },
            { as: 'place', from: PLACES, match: { _id: other } },
          ]
        : [{ as: 'orgs', from: ORGANIZATIONS, localField: 'communityId', foreignField: 'communityIds' }],
    );
    const communityId = other ?? r.caller.communityId;
    if (!communityId) return { items: { items: [], next: null } };
    const communityName = other ? r.one<PlaceRef>('place')?.name : placeNamesOf(r.caller)[2];
    const orgIds = r
      .all<OrgRef>('orgs')
      .filter((o) => o.active)
      .map((o) => o._id);
    const where = { status: 'approved', communityIds: communityId, orgIds: _.in(orgIds) };
    const items = await listPage(
      db
        .collection(ITEMS)
        .where(input.category ? { ...where, category: input.category } : where)
        .orderBy('categoryRank', 'asc')
        .orderBy('name', 'asc'),
      input,
      itemCard,
      { fields: { slots: false, holds: false, history: false } },
    );
    let categories: MenuView['categories'];
    if (input.offset === 0) {
      const counts = (
        (await db
          .collection(ITEMS)
          .aggregate()
          .match(where)
          .group({ _id: '$category', count: _.aggregate.sum(1) })
          .limit(100)
          .end()) as { list: { _id: Category; count: number }[] }
      ).list;
      categories = CATEGORIES.map((category) => ({
        category,
        count: counts.find((c) => c._id === category)?.count ?? 0,
      })).filter((c) => c.count > 0);
    }
    return {
      communityId,
      ...(communityName ? { communityName } : {}),
      ...(categories ? { categories } : {}),
      items,
    };
  },
});
