/**
 * digests — the published daily digests (newest first), and whether their own chain is intact on this page
 * (each digest is consistent with its parts' roots and holds the previous day's hash). Public.
 * Input: { offset, limit ≤ 20 }. Result: DigestsView. Errors: INVALID_INPUT. Round trips: 1.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { readPage } from '../../common/paging';
import { charityInputs, type DigestsView } from '../contract';
import { verifyDigestChain } from '../domain/digest';
import { DIGESTS, type DigestDoc } from '../documents';

export default action({
  input: charityInputs.digests,
  async run(input): Promise<DigestsView> {
    // The page, plus the older neighbour whose hash the page's oldest digest must hold.
    const { page, beyond } = await readPage<DigestDoc>(
      db.collection(DIGESTS).orderBy('date', 'desc'),
      input,
      {
        beyond: 1,
      },
    );
    const check = verifyDigestChain([...page.items, ...beyond.slice(0, 1)].reverse());
    return {
      items: page.items.map((d) => ({
        date: d.date,
        cutoff: new Date(d.cutoff).toISOString(),
        count: d.count,
        root: d.root,
        prev: d.prev,
        hash: d.hash,
        publishedAt: new Date(d.publishedAt).toISOString(),
      })),
      next: page.next,
      chainIntact: check.intact,
      ...(check.firstBrokenDate ? { firstBrokenDate: check.firstBrokenDate } : {}),
    };
  },
});
