/**
 * requestService — 金点子: a resident asks for a service that is not on the menu. Requests for the same category
 * in the same community add up on one line of the demand list (one per resident); admins see the count and
 * what people wrote, never who.
 * Input: { category, text }. Result: DemandView.
 * Errors: INVALID_INPUT (no community chosen yet), UNAUTHENTICATED, CONFLICT (already asked for this category
 * here), CONTENT_REJECTED.
 * Round trips: 3 (caller with community, conditional add to the line, the line read back for its count; or, for
 * a line's first request, the insert instead).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { checkTextEarly } from '../../common/contentCheck';
import { findById, isDuplicateKey, updatedCount } from '../../common/db';
import { conflict, invalid, notFound } from '../../common/errors';
import { servicesInputs } from '../contract';
import { demandId, demandView, newDemand, REQUESTS_KEPT } from '../domain/demands';
import { readWithCaller } from '../../common/joins';
import { DEMANDS, type DemandDoc } from '../documents';
import { PLACES, type PlaceRef } from '../../common/directory/places';

export default action({
  input: servicesInputs.requestService,
  async run(input, ctx) {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.text], 2);
    const r = await readWithCaller(ctx, [
      { as: 'place', from: PLACES, localField: 'communityId', foreignField: '_id' },
    ]);
    const me = r.caller;
    if (!me.communityId)
      throw invalid('请先在「我的」里选择您住的社区', [{ path: 'category', message: 'no community' }]);
    const place = r.one<PlaceRef>('place');
    if (!place) throw notFound('社区');
    await textChecked();
    const id = demandId(place._id, input.category);
    const addTo = async () =>
      updatedCount(
        await db
          .collection(DEMANDS)
          .where({ _id: id, requesterIds: _.neq(me._id) })
          .update({
            data: {
              count: _.inc(1),
              requesterIds: _.push([me._id]),
              requesterOpenids: _.push([ctx.openid]),
              requests: _.push({
                each: [{ userId: me._id, text: input.text, at: ctx.now }],
                slice: -REQUESTS_KEPT,
              }),
              lastAt: ctx.now,
            },
          }),
      ) === 1;
    const fresh = newDemand(place, input.category, { id: me._id, openid: ctx.openid }, input.text, ctx.now);
    const line = async () => demandView((await findById<DemandDoc>(DEMANDS, id))!, me._id, false);
    if (await addTo()) return line();
    try {
      await db.collection(DEMANDS).add({ data: fresh });
      return demandView(fresh, me._id, false);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Someone else started the line at the same moment; add to it, unless this resident is already on it.
      if (await addTo()) return line();
      throw conflict('您已经提过这类需求了，社区会一起考虑');
    }
  },
});
