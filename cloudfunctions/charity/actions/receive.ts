/**
 * receive — supermarket staff receive a pledged item by its code, recording its condition (and a photo if they
 * took one). Fewer units than pledged: the rest go back to the need. Unusable: refused, and the need reopens.
 * A code is received once: replays (a double scan, ten scanners at once) append nothing and reply with the
 * donation as received, `replayed: true`. The donor is told.
 * Input: { code, quantity?, condition: good | fair | unusable, photoFileId? }. Result: StepResult.
 * Errors: INVALID_INPUT (more units than pledged), UNAUTHENTICATED, NOT_FOUND (code), FORBIDDEN (not staff of
 * that supermarket), CONFLICT (expired or cancelled pledge).
 * Round trips: 3 (the read, the appended step, the message kept in the donor's message centre); 4 when units go
 * back to the need; a replay 1; a lost race 2 (+1 to read the winner's step).
 */
import { action } from '../../common/action';
import { conflict, invalid } from '../../common/errors';
import { charityInputs, type StepResult } from '../contract';
import { requireOperator } from '../domain/access';
import { pseudonym } from '../domain/chain';
import { normalizeCode } from '../domain/codes';
import { requireStep } from '../domain/states';
import { donationView } from '../domain/views';
import {
  applied,
  audience,
  extrasFor,
  loadDonation,
  requireCaller,
  type LoadedDonation,
} from '../steps/donation';
import { tellDonor } from '../notices';
import { appendStep, releaseNeedUnits } from '../store';

function replay(l: LoadedDonation): StepResult | undefined {
  if (!l.d.events.some((e) => e.type === 'received' || e.type === 'rejected')) return undefined;
  const a = audience(l);
  return { donation: donationView(l.d, a, extrasFor(l.d, l.recipient, a)), replayed: true };
}

export default action({
  input: charityInputs.receive,
  async run(input, ctx): Promise<StepResult> {
    const match = { code: normalizeCode(input.code) };
    const l = await loadDonation(ctx, match);
    const me = requireCaller(l);
    requireOperator(me, l.sm);
    const again = replay(l);
    if (again) return again;
    const { d } = l;
    const quantity = input.quantity ?? d.quantity;
    if (quantity > d.quantity)
      throw invalid('接收数量不能多于认捐数量', [{ path: 'quantity', message: `at most ${d.quantity}` }]);
    const refused = input.condition === 'unusable';
    const type = refused ? 'rejected' : 'received';
    const status = requireStep(d.kind, d.status, type);
    const event = await appendStep(
      d,
      {
        type,
        at: ctx.now,
        place: d.supermarketName,
        actor: { role: 'staff', ref: pseudonym('actor', me._id, d._id) },
        data: refused
          ? { condition: 'unusable' }
          : {
              quantity,
              condition: input.condition,
              ...(input.photoFileId ? { photo: input.photoFileId } : {}),
            },
      },
      status,
      refused ? {} : { receivedQuantity: quantity },
    );
    if (!event) {
      // Another scan landed first: reply with what it recorded.
      const now = await loadDonation(ctx, match);
      const winner = replay(now);
      if (winner) return winner;
      requireStep(now.d.kind, now.d.status, type);
      throw conflict('这笔捐赠刚刚被更新，请重新扫码');
    }
    if (d.needId && (refused || quantity < d.quantity))
      await releaseNeedUnits(d.needId, d._id, d.quantity, refused ? 0 : quantity);
    await tellDonor(d, refused ? 'REJECTED' : 'RECEIVED', ctx.now);
    const after = applied(d, event, status, refused ? {} : { receivedQuantity: quantity });
    const a = audience({ ...l, d: after });
    return { donation: donationView(after, a, extrasFor(after, l.recipient, a)), replayed: false };
  },
});
