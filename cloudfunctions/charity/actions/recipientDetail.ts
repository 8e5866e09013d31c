/**
 * recipientDetail — one recipient in full for an admin of their place, with their latest needs and donations
 * (and the one-time confirmation codes of those on their way, for the admin to pass on to an elder without
 * WeChat). Input: { recipientId }. Result: RecipientDetailView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (outside the admin's scope). Round trips: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { notFound, unauthenticated } from '../../common/errors';
import { charityInputs, type RecipientDetailView } from '../contract';
import { audienceOf } from '../domain/access';
import { publicProfile } from '../domain/privacy';
import type { DonationDoc, NeedDoc, RecipientDoc } from '../documents';
import { donationView, needView, recipientView } from '../domain/views';
import { extrasFor } from '../steps/donation';
import { readWithCaller } from '../../common/joins';
import { DONATIONS, NEEDS, RECIPIENTS } from '../documents';

export default action({
  input: charityInputs.recipientDetail,
  async run(input, ctx): Promise<RecipientDetailView> {
    const r = await readWithCaller<RecipientDoc>(
      ctx,
      [
        {
          as: 'needs',
          from: NEEDS,
          match: { recipientId: input.recipientId },
          sort: { createdAt: -1 },
          limit: 20,
        },
        {
          as: 'donations',
          from: DONATIONS,
          match: { recipientId: input.recipientId },
          sort: { createdAt: -1 },
          limit: 20,
        },
      ],
      { from: RECIPIENTS, match: { _id: input.recipientId } },
    );
    const rec = r.root;
    if (!rec) throw notFound('受助人');
    if (!r.caller) throw unauthenticated();
    requireAdminOver(r.caller, rec.placePath);
    const donations = r.all<DonationDoc>('donations');
    return {
      ...recipientView(rec, ctx.now, publicProfile(rec, ctx.now)),
      needs: r.all<NeedDoc>('needs').map((n) => needView(n, ctx.now, true)),
      donations: donations.map((d) => {
        const a = audienceOf(r.caller, d, undefined, rec);
        return donationView(d, a, extrasFor(d, rec, a));
      }),
    };
  },
});
