/**
 * cancelPledge — the donor cancels a pledge before bringing the item; its units go back to the need.
 * Input: { donationId }. Result: DonationView. Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND,
 * FORBIDDEN (not the donor), CONFLICT (already received, expired or cancelled).
 * Round trips: 3 (donation + caller, the appended step, the need's units back); 2 for general stock.
 */
import { action } from '../../common/action';
import { forbidden } from '../../common/errors';
import { charityInputs, type DonationView } from '../contract';
import { pseudonym } from '../domain/chain';
import { requireStep } from '../domain/states';
import { donationView } from '../domain/views';
import { applied, audience, loadDonation, requireCaller } from '../steps/donation';
import { appendStepOrConflict, releaseNeedUnits } from '../store';

export default action({
  input: charityInputs.cancelPledge,
  async run(input, ctx): Promise<DonationView> {
    const l = await loadDonation(ctx, { _id: input.donationId });
    const me = requireCaller(l);
    const { d } = l;
    if (d.donorId !== me._id) throw forbidden('只有捐赠人可以取消认捐');
    const status = requireStep(d.kind, d.status, 'cancelled');
    const event = await appendStepOrConflict(
      d,
      {
        type: 'cancelled',
        at: ctx.now,
        place: d.supermarketName,
        actor: { role: 'donor', ref: pseudonym('actor', me._id, d._id) },
        data: {},
      },
      status,
    );
    if (d.needId) await releaseNeedUnits(d.needId, d._id, d.quantity);
    const after = applied(d, event, status);
    return donationView(after, audience({ ...l, d: after }));
  },
});
