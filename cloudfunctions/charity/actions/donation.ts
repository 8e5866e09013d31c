/**
 * donation — one donation and its chain (the timeline: every step with time and place), as the caller may see
 * it: the public see it masked; the donor also gets the code to show at the supermarket; admins of the
 * recipient's place and the delivering staff also get the recipient's contact; admins and the recipient also
 * get the one-time confirmation code while it is on its way; the recipient also gets whom to call about it
 * (their community's hotline, else the supermarket's phone). `can` says which next steps the caller may take.
 * A general-stock gift also shows its remainder and where each part of it went (recipients masked).
 * Input: { donationId }. Result: DonationView. Errors: INVALID_INPUT, NOT_FOUND. Round trips: 1.
 */
import { action } from '../../common/action';
import { PLACES } from '../../common/directory/places';
import { charityInputs, type DonationView } from '../contract';
import { donationView, helplineOf, type CommunityLine } from '../domain/views';
import { audience, detailExtras, loadDonation } from '../steps/donation';

export default action({
  input: charityInputs.donation,
  async run(input, ctx): Promise<DonationView> {
    const l = await loadDonation(ctx, { _id: input.donationId }, [
      { as: 'places', from: PLACES, localField: 'recipientPath', foreignField: '_id' },
    ]);
    const a = audience(l);
    const helpline = a.recipient ? helplineOf(l.joined.all<CommunityLine>('places'), l.sm) : undefined;
    return donationView(l.d, a, { ...detailExtras(l, l.d, a), ...(helpline ? { helpline } : {}) });
  },
});
