/**
 * allocate — supermarket staff allocate a general-stock donation (received) to a recipient's open need at the
 * same supermarket: `quantity` units of it, or (no `quantity`) all its units. Either way the units go out as a
 * part (domain/parts: a donation of its own whose chain starts from the gift's head; the gift keeps its own chain
 * at `received` and any rest for other needs). Whole and part take one code path on purpose: a part's id is the
 * gift's id and its offset, so a whole allocation and a part allocation that read the same gift write the same
 * id and the database keeps one; the gift's parts never add up to more than it holds. The need's units are taken
 * by the same conditional update a claim uses, so stock and donors never over-fill a need.
 * Input: { donationId, needId, quantity?, idempotencyKey? }. Result: StepResult (the gift, with its parts).
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (donation, need), FORBIDDEN (not staff of the supermarket),
 * CONFLICT (not general stock, not received, need at another supermarket, closed or past its deadline, the whole
 * gift asked for once parts are out, or a concurrent allocation won), LIMIT_REACHED (the need has fewer units
 * open, or the gift fewer units left, than asked). A request asked for again with the same key is a replay.
 * Round trips: 3 (donation + need + parts + caller, the need's units, the new part); a lost race 4 (units back).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { isDuplicateKey, rows, updatedCount } from '../../common/db';
import type { UserDoc } from '../../common/directory/users';
import { AppError, conflict, limitReached } from '../../common/errors';
import { charityInputs, type StepResult } from '../contract';
import { requireOperator } from '../domain/access';
import { pseudonym } from '../domain/chain';
import { checkClaimable } from '../domain/needs';
import { requireStep } from '../domain/states';
import { donationView } from '../domain/views';
import { newPart, offsetAfter, partId, remainingOf } from '../domain/parts';
import { audience, extrasFor, loadDonation, requireCaller, type LoadedDonation } from '../steps/donation';
import { releaseNeedUnits } from '../store';
import { DONATIONS, NEEDS, type DonationDoc, type NeedDoc } from '../documents';

export default action({
  input: charityInputs.allocate,
  async run(input, ctx): Promise<StepResult> {
    const l = await loadDonation(ctx, { _id: input.donationId }, [
      { as: 'need', from: NEEDS, match: { _id: input.needId }, limit: 1 },
    ]);
    const me = requireCaller(l);
    requireOperator(me, l.sm);
    const { d } = l;
    if (d.kind !== 'stock') throw conflict('只有捐给超市统一调配的物品需要分配');
    requireStep(d.kind, d.status, 'allocated');
    const need = l.joined.one<NeedDoc>('need');
    const whole = input.quantity === undefined;
    const quantity = input.quantity ?? d.receivedQuantity ?? d.quantity;
    return allocatePart(l, me, need, quantity, whole, input.idempotencyKey, ctx.now);
  },
});

/** Allocates `quantity` units of the gift (all of them when `whole`) to the need as a part (see the header). */
async function allocatePart(
  l: LoadedDonation,
  me: UserDoc,
  need: NeedDoc | undefined,
  quantity: number,
  whole: boolean,
  key: string | undefined,
  now: Date,
): Promise<StepResult> {
  const { d } = l;
  // Keyed by who asked (a pseudonym: the part holds no staff id).
  const requestKey = key ? pseudonym('actor', me._id, `${d._id}:${key}`) : undefined;
  // A keyed request answers its replays exactly as it answered first (the idempotency contract): `replayed`
  // stays false here; the part is made once either way.
  const reply = (parts: DonationDoc[], _replayed: boolean): StepResult => {
    const a = audience(l);
    return { donation: donationView(d, a, { ...extrasFor(d, l.recipient, a), parts }), replayed: false };
  };
  if (requestKey && l.parts.some((p) => p.requestKey === requestKey)) return reply(l.parts, true);
  if (whole && l.parts.length > 0) throw conflict('这件物品已经分成几份分配，请继续按份分配剩下的');
  try {
    return await newPartFor(l, me, need, quantity, requestKey, now, reply);
  } catch (err) {
    // A twin of this request (same key) in flight took the units or the part first: answer as its replay. Only a
    // lost race can mean a twin — a CONFLICT, or the need read with a claim under the part this request would
    // make (units already taken by it) — and the part it made is the one at this offset.
    const id = partId(d._id, offsetAfter(l.parts));
    const raced = (err instanceof AppError && err.code === 'CONFLICT') || !!need?.claims?.[id];
    const twin = requestKey && raced ? await twinPart(id, requestKey) : undefined;
    if (twin) return reply([...l.parts.filter((p) => p._id !== twin._id), twin], true);
    throw err;
  }
}

/**
 * The part at `id` if this request's twin made it, waiting a moment while it is not there yet (the twin took the
 * need's units and is still inserting it); another request's part there ends the wait at once.
 */
async function twinPart(id: string, requestKey: string): Promise<DonationDoc | undefined> {
  for (let i = 0; i < 5; i += 1) {
    const [found] = rows<DonationDoc>(await db.collection(DONATIONS).where({ _id: id }).limit(1).get());
    if (found) return found.requestKey === requestKey ? found : undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

async function newPartFor(
  l: LoadedDonation,
  me: UserDoc,
  need: NeedDoc | undefined,
  quantity: number,
  requestKey: string | undefined,
  now: Date,
  reply: (parts: DonationDoc[], replayed: boolean) => StepResult,
): Promise<StepResult> {
  const { d } = l;
  const left = remainingOf(d, l.parts);
  if (quantity > left) throw limitReached(`这件物品还剩 ${left}${d.unit} 可以分配`);
  checkClaimable(need, quantity, now);
  if (need!.supermarketId !== d.supermarketId) throw conflict('只能分配给本超市服务的心愿');
  const part = newPart(d, need!, quantity, offsetAfter(l.parts), me, now, requestKey);
  await takeNeedUnits(need!, part._id, quantity, now);
  try {
    await db.collection(DONATIONS).add({ data: part });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Another staff member allocated from the same remainder first: give this need its units back.
    await releaseNeedUnits(need!._id, part._id, quantity);
    throw conflict('这件物品刚刚被分走了一部分，请刷新后再试');
  }
  return reply([...l.parts, part], false);
}

/** Takes `units` of the need for an allocation (`claims.<claimId>`), by the conditional update a claim uses. */
async function takeNeedUnits(need: NeedDoc, claimId: string, units: number, now: Date): Promise<void> {
  const path = `claims.${claimId}`;
  const res = await db
    .collection(NEEDS)
    .where({
      _id: need._id,
      closed: false,
      moderation: 'pass',
      deadline: _.gt(now),
      available: _.gte(units),
      [path]: _.exists(false),
    })
    .update({
      data: {
        available: _.inc(-units),
        [path]: { q: units, state: 'active', at: now, via: 'allocation' },
        updatedAt: now,
      },
    });
  if (updatedCount(res) === 0) throw conflict('心愿刚刚有变化，请刷新后再试');
}
