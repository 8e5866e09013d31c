/**
 * thank — the recipient leaves a thank-you message for the donor after confirming (or an admin of their place
 * writes it down for them: many elders have no WeChat). The message is public on the ledger, so it must not
 * name the recipient, their phone or address, and it is content-checked; one WeChat is unsure about is kept
 * from everyone but admins until looked at. The donor is told.
 * Input: { donationId, message }. Result: StepResult.
 * Errors: INVALID_INPUT (identifies the recipient), UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (neither the recipient
 * nor an admin of their place), CONFLICT (not confirmed, or already thanked), CONTENT_REJECTED.
 * Round trips: 3 (donation + recipient + caller, the appended step, the message kept in the donor's message
 * centre).
 */
import { action } from '../../common/action';
import { checkTextEarly } from '../../common/contentCheck';
import { forbidden } from '../../common/errors';
import { charityInputs, type StepResult } from '../contract';
import { pseudonym } from '../domain/chain';
import { requireNoIdentity } from '../domain/privacy';
import { requireStep } from '../domain/states';
import { donationView } from '../domain/views';
import { applied, audience, extrasFor, loadDonation, requireCaller } from '../steps/donation';
import { tellDonor } from '../notices';
import { appendStepOrConflict } from '../store';

export default action({
  input: charityInputs.thank,
  async run(input, ctx): Promise<StepResult> {
    // The content check runs beside the read: one round trip less to wait for.
    const textChecked = checkTextEarly(ctx.openid, [input.message], 2);
    const l = await loadDonation(ctx, { _id: input.donationId });
    const me = requireCaller(l);
    const a = audience(l);
    if (!a.recipient && !a.admin) throw forbidden('只有受助人或其所在社区的管理员可以致谢');
    const { d } = l;
    const status = requireStep(d.kind, d.status, 'thanked');
    if (l.recipient) requireNoIdentity(input.message, l.recipient, 'message');
    const moderation = await textChecked();
    const set = { thanks: { message: input.message, moderation } };
    const event = await appendStepOrConflict(
      d,
      {
        type: 'thanked',
        at: ctx.now,
        place: d.publicProfile?.street ?? d.streetName,
        actor: { role: a.recipient ? 'recipient' : 'admin', ref: pseudonym('actor', me._id, d._id) },
        data: { message: input.message },
      },
      status,
      set,
    );
    if (moderation === 'pass') await tellDonor(d, 'THANKED', ctx.now);
    const after = applied(d, event, status, set);
    const b = audience({ ...l, d: after });
    return { donation: donationView(after, b, extrasFor(after, l.recipient, b)), replayed: false };
  },
});
