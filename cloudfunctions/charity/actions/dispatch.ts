/**
 * dispatch — supermarket staff send a donation on its way: out for delivery (they deliver it) or ready for
 * pickup at the supermarket. The staff member who dispatches becomes the delivering staff and, while it is on
 * its way, sees the recipient's name, phone and address. Each dispatch issues a new one-time confirmation code
 * for the recipient (shown to admins of their place and to the recipient, never to the staff). Dispatching again
 * (say, from delivery to pickup) is allowed until confirmed. The donor is told.
 * Input: { donationId, mode: delivery | pickup }. Result: StepResult (with the recipient's contact).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (not staff of the supermarket), CONFLICT (not
 * received, or general stock not yet allocated). Round trips: 3 (the read, the appended step, the message kept in
 * the donor's message centre).
 */
import { action } from '../../common/action';
import { charityInputs, type StepResult } from '../contract';
import { requireOperator } from '../domain/access';
import { pseudonym } from '../domain/chain';
import { requireStep } from '../domain/states';
import { donationView } from '../domain/views';
import { applied, audience, extrasFor, loadDonation, requireCaller } from '../steps/donation';
import { tellDonor } from '../notices';
import { appendStepOrConflict } from '../store';

export default action({
  input: charityInputs.dispatch,
  async run(input, ctx): Promise<StepResult> {
    const l = await loadDonation(ctx, { _id: input.donationId });
    const me = requireCaller(l);
    requireOperator(me, l.sm);
    const { d } = l;
    const status = requireStep(d.kind, d.status, 'dispatched', { mode: input.mode });
    const set = {
      delivery: { mode: input.mode, staffId: me._id, seq: d.events.length, at: ctx.now },
      confirmAttempts: 0,
    };
    const event = await appendStepOrConflict(
      d,
      {
        type: 'dispatched',
        at: ctx.now,
        place: d.supermarketName,
        actor: { role: 'staff', ref: pseudonym('actor', me._id, d._id) },
        data: { mode: input.mode },
      },
      status,
      set,
    );
    await tellDonor(d, input.mode === 'pickup' ? 'PICKUP' : 'DISPATCHED', ctx.now);
    const after = applied(d, event, status, set);
    const a = audience({ ...l, d: after });
    return { donation: donationView(after, a, extrasFor(after, l.recipient, a)), replayed: false };
  },
});
