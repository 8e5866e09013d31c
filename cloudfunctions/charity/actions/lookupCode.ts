/**
 * lookupCode — supermarket staff scan (or type) a donor's code and see what to expect before receiving it.
 * Input: { code }. Result: DonationView. Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such code),
 * FORBIDDEN (not staff of that donation's supermarket). Round trips: 1.
 */
import { action } from '../../common/action';
import { charityInputs, type DonationView } from '../contract';
import { requireOperator } from '../domain/access';
import { normalizeCode } from '../domain/codes';
import { donationView } from '../domain/views';
import { audience, extrasFor, loadDonation, requireCaller } from '../steps/donation';

export default action({
  input: charityInputs.lookupCode,
  async run(input, ctx): Promise<DonationView> {
    const l = await loadDonation(ctx, { code: normalizeCode(input.code) });
    requireOperator(requireCaller(l), l.sm);
    const a = audience(l);
    return donationView(l.d, a, extrasFor(l.d, l.recipient, a));
  },
});
