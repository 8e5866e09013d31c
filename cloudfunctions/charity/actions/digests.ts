/**
 * digests — the published daily digests (newest first), and whether their own chain is intact on this page
 * (each digest is consistent with its parts' roots and holds the previous day's hash). Public.
 * Input: { offset, limit ≤ 20 }. Result: DigestsView. Errors: INVALID_INPUT. Round trips: 1.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { charityInputs, type DigestsView } from '../contract';
import { verifyDigestChain } from '../domain/digest';
import { DIGESTS, type DigestDoc } from '../documents';

export default action({
  input: charityInputs.digests,
  async run(input): Promise<DigestsView> {
    // One more than the page, plus the older neighbour whose hash the page's oldest digest must hold.
    const found = rows<DigestDoc>(
      await db
        .collection(DIGESTS)
        .orderBy('date', 'desc')
        .skip(input.offset)
        .limit(input.limit + 2)
        .get(),
    );
    const shown = found.slice(0, input.limit);
    const check = verifyDigestChain([...found.slice(0, input.limit + 1)].reverse());
    return {
      items: shown.map((d) => ({
        date: d.date,
        cutoff: new Date(d.cutoff).toISOString(),
        count: d.count,
        root: d.root,
        prev: d.prev,
        hash: d.hash,
        publishedAt: new Date(d.publishedAt).toISOString(),
      })),
      next: found.length > input.limit ? input.offset + input.limit : null,
      chainIntact: check.intact,
      ...(check.firstBrokenDate ? { firstBrokenDate: check.firstBrokenDate } : {}),
    };
  },
});
