/**
 * verify — recomputes a donation's chain and says whether it is intact: every event's hash over its content,
 * every link to the previous event, the stored head, the stored status against a replay of the steps, and the
 * head published in the latest daily digest that holds this donation (so a chain rewritten consistently after
 * publication is caught too). A part of a general-stock gift must also trace back to the gift (domain/parts:
 * the gift's chain intact and still holding the step the part names). Names the first broken link. Public.
 * Input: { donationId }. Result: VerifyView. Errors: INVALID_INPUT, NOT_FOUND.
 * Round trips: 1 (the donation with its gift and latest digest part), 2 once a digest holds it (that digest).
 */
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { charityInputs, type VerifyView } from '../contract';
import { brokenMessage, verifyChain } from '../domain/chain';
import { checkAnchor, type Leaf } from '../domain/digest';
import { tracesToGift } from '../domain/parts';
import { replayStatus } from '../domain/states';
import { loadDonation } from '../steps/donation';
import { DIGEST_PARTS, DIGESTS, type DigestDoc, type DigestPartDoc } from '../documents';

export default action({
  input: charityInputs.verify,
  async run(input, ctx): Promise<VerifyView> {
    const l = await loadDonation(ctx, { _id: input.donationId }, [
      {
        as: 'part',
        from: DIGEST_PARTS,
        match: { 'leaves.d': input.donationId },
        sort: { date: -1 },
        limit: 1,
      },
    ]);
    const { d } = l;
    const check = verifyChain(d._id, d.events, d.head);
    let firstBroken = check.broken;
    if (!firstBroken) {
      const replay = replayStatus(d.kind, d.events);
      if (!replay.valid || replay.status !== d.status)
        firstBroken = { seq: replay.badSeq ?? d.events.length - 1, reason: 'state' };
    }
    const traced = d.kind === 'part' ? tracesToGift(d, l.gift) : undefined;
    if (!firstBroken && traced === false) firstBroken = { seq: 0, reason: 'gift' };
    let anchor: VerifyView['anchor'] = null;
    const part = l.joined.one<DigestPartDoc>('part');
    const digest = part ? await findById<DigestDoc>(DIGESTS, part.date) : undefined;
    if (part && digest) {
      const a = checkAnchor(d._id, d.events, part, digest);
      const leaf = a.leaf as Leaf;
      anchor = {
        date: digest.date,
        seq: leaf.s,
        hash: leaf.h,
        matches: a.matches,
        digestIntact: a.digestIntact,
        root: digest.root,
      };
      if (!firstBroken && !(a.matches && a.digestIntact)) firstBroken = { seq: leaf.s, reason: 'anchor' };
    }
    return {
      donationId: d._id,
      intact: !firstBroken,
      length: d.events.length,
      head: check.head,
      ...(firstBroken
        ? { firstBroken: { ...firstBroken, message: brokenMessage(firstBroken.seq, firstBroken.reason) } }
        : {}),
      anchor,
      ...(d.kind === 'part' ? { gift: { donationId: d.giftId ?? '', intact: traced === true } } : {}),
      checkedAt: ctx.now.toISOString(),
    };
  },
});
