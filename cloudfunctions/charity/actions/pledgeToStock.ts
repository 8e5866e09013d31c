/**
 * pledgeToStock — a donor pledges an item to a supermarket's general stock (staff later allocate it to a
 * recipient's need). The item's name is public, so it is content-checked. Idempotent on the client's key: every
 * replay returns the pledge the first made (common/idempotency).
 * Input: { supermarketId, item, itemCategory, unit, quantity, pledgeBy, subscribed, idempotencyKey }.
 * Result: DonationView (with the code). Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (supermarket),
 * CONTENT_REJECTED. Round trips: 2 (caller + supermarket + any earlier try, the insert); 1 for a replay after it
 * exists, 3 for one racing it (the stored pledge read back).
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { charityInputs, type DonationView } from '../contract';
import { PUBLIC } from '../domain/access';
import { newDonation } from '../domain/donations';
import { checkPledgeBy } from '../domain/needs';
import { donationView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { DONATIONS, SUPERMARKETS, type DonationDoc, type SupermarketDoc } from '../documents';
import { donorLabel } from '../domain/donations';

const asDonor = { ...PUBLIC, donor: true };

export default action({
  input: charityInputs.pledgeToStock,
  async run(input, ctx): Promise<DonationView> {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.item, input.unit], 1);
    const id = idempotentId(ctx.openid, 'charity-donation', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'sm', from: SUPERMARKETS, match: { _id: input.supermarketId }, limit: 1 },
      { as: 'earlier', from: DONATIONS, match: { _id: id }, limit: 1 },
    ]);
    const reply = (doc: DonationDoc) => donationView(doc, asDonor);
    const earlier = r.one<DonationDoc>('earlier');
    if (earlier) return reply(earlier);
    const sm = r.one<SupermarketDoc>('sm');
    if (!sm) throw notFound('慈善超市');
    checkPledgeBy(input.pledgeBy, ctx.now);
    await textChecked();
    const donation = newDonation(
      id,
      r.caller,
      donorLabel(r.caller),
      {
        item: input.item,
        itemCategory: input.itemCategory,
        unit: input.unit,
        quantity: input.quantity,
        pledgeBy: input.pledgeBy,
        subscribed: input.subscribed,
      },
      { kind: 'stock', supermarket: sm },
      ctx.now,
    );
    return idempotentCreate({ collection: DONATIONS, build: () => donation, reply });
  },
});
