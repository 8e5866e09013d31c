/**
 * projects.signAmendment — a party of the contract signs a 补充协议 being signed (who, when); it takes effect once
 * buyer, provider and supervisor have all signed, and from then on every contract action works on the terms it
 * sets (steps/contractRead). Two parties signing at once are both recorded, each once.
 * Input: amendmentId, party (only when the caller may sign as several). Result: the parties signed and the status.
 * Errors: NOT_FOUND, FORBIDDEN (not a party; a 秣陵 admin on a 禄口 contract), INVALID_INPUT (several parties and
 * none chosen), CONFLICT (in force already, or this party signed). Round trips: 3 — the amendment with its
 * contract and the caller; the signature (a conditional push: a party signs once); the taking effect (conditional
 * on all three signatures, so whichever signer comes last makes it effective, once).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { amendmentInputs } from '../contract';
import { AMENDMENTS, CONTRACTS, type AmendmentDoc, type ContractDoc, type ContractParty } from '../documents';
import { PARTY_NAMES } from '../domain/contractViews';
import { actorOf, partiesOf } from '../steps/contractAccess';

const ALL: ContractParty[] = ['buyer', 'provider', 'supervisor'];

export default action({
  input: amendmentInputs.signAmendment,
  async run(input, ctx): Promise<{ signed: ContractParty[]; status: 'signing' | 'effective' }> {
    const read = await readWithCaller<AmendmentDoc>(
      ctx,
      [{ as: 'contract', from: CONTRACTS, localField: 'contractId', foreignField: '_id' }],
      { from: AMENDMENTS, match: { _id: input.amendmentId } },
    );
    if (!read.caller) throw unauthenticated();
    const a = read.root;
    const contract = read.one<ContractDoc>('contract');
    if (!a || !contract) throw notFound('补充协议');
    const mine = partiesOf(read.caller, contract).filter((p) => !input.party || p === input.party);
    if (mine.length === 0) throw forbidden('只有合同的三方可以签署补充协议');
    if (a.status !== 'signing') throw conflict('这份补充协议已经生效');
    const unsigned = mine.filter((p) => !a.signatures.some((s) => s.party === p));
    if (unsigned.length === 0) throw conflict(`${PARTY_NAMES[mine[0]!]}已经签署`);
    if (unsigned.length > 1) throw invalid('请选择以哪一方签署', [{ path: 'party', message: 'required' }]);
    const party = unsigned[0]!;
    const signed = await db
      .collection(AMENDMENTS)
      .where({ _id: a._id, status: 'signing', 'signatures.party': _.neq(party) })
      .update({ data: { signatures: _.push([{ party, by: actorOf(read.caller), at: ctx.now }]) } });
    if (updatedCount(signed) !== 1) throw conflict(`${PARTY_NAMES[party]}已经签署`);
    const effective = await db
      .collection(AMENDMENTS)
      .where({ _id: a._id, status: 'signing', 'signatures.party': _.all(ALL) })
      .update({ data: { status: 'effective', effectiveAt: ctx.now } });
    const parties = new Set([...a.signatures.map((s) => s.party), party]);
    // Effective by this update, or by the other signer's when this one already saw all three signatures.
    const done = updatedCount(effective) === 1 || parties.size === ALL.length;
    return { signed: ALL.filter((p) => parties.has(p) || done), status: done ? 'effective' : 'signing' };
  },
});
