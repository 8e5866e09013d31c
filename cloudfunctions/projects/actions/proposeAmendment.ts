/**
 * projects.proposeAmendment — a party of an active contract proposes a 补充协议: new indicator targets, milestone
 * dates, budget lines re-allocated or the period extended (续签), with why. The contract is not edited: the
 * amendment is a new record with what it changes and what that replaces, signed at once by the proposer's party;
 * it takes effect when the other two parties have signed it too (signAmendment). One amendment at a time.
 * Input: contractId, reason, the changes, party (only when the caller may act as several), idempotencyKey.
 * Result: the amendment as the contract page shows it.
 * Errors: NOT_FOUND, FORBIDDEN (not a party), INVALID_INPUT (no such indicator or milestone, nothing changed,
 * budget lines not adding up to the contract amount or dropping a line, a period shortened or extended by more
 * than a year; several parties and none chosen), CONFLICT (contract not active, an amendment still being signed,
 * another proposal landing first). Round trips: 2 — the contract with its amendments and the caller; the insert
 * (the id counts the contract's amendments, so two proposals racing meet the primary key).
 */
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { conflict, forbidden, invalid } from '../../common/errors';
import { idempotentCreate } from '../../common/idempotency';
import { amendmentInputs } from '../contract';
import { AMENDMENTS, type AmendmentDoc } from '../documents';
import { amendmentView, proposalOf, type AmendmentView } from '../domain/amendments';
import { actorOf, partiesOf } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';

export default action({
  input: amendmentInputs.proposeAmendment,
  async run(input, ctx): Promise<AmendmentView> {
    const { contract: c, caller, amendments } = await readContract(ctx, input.contractId);
    const my = partiesOf(caller, c);
    const mine = my.filter((p) => !input.party || p === input.party);
    if (mine.length === 0) throw forbidden('只有合同的三方可以提出补充协议');
    if (mine.length > 1) throw invalid('请选择以哪一方提出', [{ path: 'party', message: 'required' }]);
    const party = mine[0]!;
    const replay = amendments.find(
      (a) => a.key === input.idempotencyKey && a.proposedBy.by.id === caller._id,
    );
    if (replay) return amendmentView(replay, c, my);
    if (c.status !== 'active') throw conflict('合同三方签署生效后才能签补充协议');
    if (amendments.some((a) => a.status === 'signing'))
      throw conflict('上一份补充协议还没有三方签署完，请先处理');
    const n = amendments.length + 1;
    const proposal = proposalOf(c, input, n);
    if ('path' in proposal) throw invalid(proposal.message, [proposal]);
    const by = actorOf(caller);
    const doc = await idempotentCreate<AmendmentDoc, AmendmentDoc>({
      collection: AMENDMENTS,
      build: () => ({
        _id: `${c._id}:amendment:${n}`,
        key: input.idempotencyKey,
        contractId: c._id,
        orgId: c.orgId,
        streetId: c.streetId,
        scopePath: c.scopePath,
        n,
        reason: input.reason,
        changes: proposal.changes,
        before: proposal.before,
        proposedBy: { party, by },
        signatures: [{ party, by, at: ctx.now }],
        status: 'signing',
        createdAt: ctx.now,
      }),
      reply: (d) => d,
      twin: async (d) => {
        const stored = await findById<AmendmentDoc>(AMENDMENTS, d._id);
        return stored?.key === input.idempotencyKey ? stored : undefined;
      },
      clash: () => conflict('另一方刚刚提出了补充协议，请刷新后查看'),
    });
    return amendmentView(doc, c, my);
  },
});
