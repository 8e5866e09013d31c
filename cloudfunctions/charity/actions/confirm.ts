/**
 * confirm — the recipient confirms they received the donation: in their own account, or through supermarket
 * staff who enter the recipient's one-time confirmation code (so a staff confirmation is still the recipient's
 * word). Wrong codes are counted; after 5 the delivery must be dispatched again, which issues a new code.
 * Confirming again is a replay. The donor is told.
 * Input: { donationId, code? }. Result: StepResult.
 * Errors: INVALID_INPUT (wrong code, with the tries left), UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (neither the
 * recipient nor staff of the supermarket; staff without a code), CONFLICT (not on its way), LIMIT_REACHED
 * (too many wrong codes). Round trips: 4 (donation + recipient + caller, the appended step, the need's delivered
 * count, the message kept in the donor's message centre); 2 for a wrong code; a lost race 2 (+1 to read the
 * step that won).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { conflict, forbidden, invalid, limitReached } from '../../common/errors';
import { CHARITY_LIMITS, charityInputs, type StepResult } from '../contract';
import { pseudonym } from '../domain/chain';
import { confirmCode, sameCode } from '../domain/codes';
import { requireStep } from '../domain/states';
import { monthKey } from '../../../miniprogram/shared/calendar';
import { donationView } from '../domain/views';
import { applied, audience, extrasFor, loadDonation, requireCaller } from '../steps/donation';
import { tellDonor } from '../notices';
import { appendStep } from '../store';
import { confirmSecret } from '../steps/donation';
import { DONATIONS, NEEDS } from '../documents';

export default action({
  input: charityInputs.confirm,
  async run(input, ctx): Promise<StepResult> {
    const l = await loadDonation(ctx, { _id: input.donationId });
    const me = requireCaller(l);
    const a = audience(l);
    const { d } = l;
    const byCode = input.code !== undefined;
    if (byCode ? !a.operator : !a.recipient)
      throw forbidden(a.operator ? '请输入受助人的收货码' : '只有受助人本人，或超市工作人员凭收货码可以确认');
    if (d.status === 'confirmed' || d.status === 'thanked')
      return { donation: donationView(d, a, extrasFor(d, l.recipient, a)), replayed: true };
    const status = requireStep(d.kind, d.status, 'confirmed');
    if (byCode) {
      if (d.confirmAttempts >= CHARITY_LIMITS.confirmAttemptsMax)
        throw limitReached('收货码错误次数过多，请重新安排配送以获得新的收货码');
      const expected = confirmCode(confirmSecret(), d._id, d.delivery!.seq);
      if (!sameCode(expected, input.code!)) {
        await db
          .collection(DONATIONS)
          .where({ _id: d._id, 'head.seq': d.head.seq })
          .update({ data: { confirmAttempts: _.inc(1) } });
        const left = CHARITY_LIMITS.confirmAttemptsMax - d.confirmAttempts - 1;
        throw invalid(`收货码不对，还可以再试 ${left} 次`, [{ path: 'code', message: 'wrong code' }]);
      }
    }
    const units = d.receivedQuantity ?? d.quantity;
    const set = { deliveredMonth: monthKey(ctx.now), confirmAttempts: 0 };
    const event = await appendStep(
      d,
      {
        type: 'confirmed',
        at: ctx.now,
        place: d.delivery?.mode === 'pickup' ? d.supermarketName : (d.publicProfile?.street ?? d.streetName),
        actor: byCode
          ? { role: 'staff', ref: pseudonym('actor', me._id, d._id) }
          : { role: 'recipient', ref: pseudonym('actor', me._id, d._id) },
        data: { quantity: units, via: byCode ? 'code' : 'recipient' },
      },
      status,
      set,
    );
    if (!event) {
      // A second tap (or the staff at the door at the same moment) landed first: a replay if it confirmed.
      const now = await loadDonation(ctx, { _id: input.donationId });
      if (now.d.status !== 'confirmed' && now.d.status !== 'thanked')
        throw conflict('这笔捐赠刚刚被更新，请刷新后再试');
      const c = audience(now);
      return { donation: donationView(now.d, c, extrasFor(now.d, now.recipient, c)), replayed: true };
    }
    if (d.needId)
      await db
        .collection(NEEDS)
        .doc(d.needId)
        .update({ data: { delivered: _.inc(units), updatedAt: ctx.now } });
    await tellDonor(d, 'CONFIRMED', ctx.now);
    const after = applied(d, event, status, set);
    const b = audience({ ...l, d: after });
    return { donation: donationView(after, b, extrasFor(after, l.recipient, b)), replayed: false };
  },
});
