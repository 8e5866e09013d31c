/**
 * checkinCode — the organizer's screen asks for the current rotating code (QR) every 30 seconds, from an hour
 * before the start until check-out closes. Refused outright when the deployment has no MULIN_CHECKIN_SECRET.
 * Input: { activityId }. Result: CheckinCodeView.
 * Errors: UNAUTHENTICATED, FORBIDDEN (not its organizer), NOT_FOUND, CONFLICT (too early, over, cancelled),
 * INTERNAL (check-in not configured). Round trips: 2 (caller, activity).
 */
import { action } from '../../common/action';
import { together } from '../../common/concurrency';
import { volunteeringInputs, type CheckinCodeView } from '../contract';
import { makeCheckinCode } from '../domain/checkinCode';
import { requireManager } from '../domain/permissions';
import { requireCodeScreenOpen } from '../domain/schedule';
import { checkinSecret } from '../steps/attendance';
import { loadActivity } from '../store';

export default action({
  input: volunteeringInputs.checkinCode,
  async run(input, ctx): Promise<CheckinCodeView> {
    const secret = checkinSecret();
    // Who is asking and what they ask about do not depend on each other: read side by side.
    const [me, a] = await together(ctx.caller(), loadActivity(input.activityId));
    requireManager(me, a);
    requireCodeScreenOpen(a, ctx.now);
    const { code, rotatesAt } = makeCheckinCode(secret, a._id, ctx.now);
    return {
      code,
      rotatesAt: rotatesAt.toISOString(),
      refreshInMs: rotatesAt.getTime() - ctx.now.getTime(),
    };
  },
});
