/**
 * projects.signContract — a party signs a contract in `signing` (who, when); the contract is `active` once the
 * buyer, the provider and the supervisor have all signed.
 * Input: contractId, party (only when the caller may sign as several). Result: the parties signed and the status.
 * Errors: NOT_FOUND, FORBIDDEN (not a party), INVALID_INPUT (several parties and none chosen), CONFLICT (not being
 * signed, or this party already signed). Round trips: 3 — the read, the signature (a conditional push: a party
 * signs once), the activation (conditional on all three signatures, so whichever signer comes last activates).
 */
import { action } from '../../common/action';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, forbidden, invalid } from '../../common/errors';
import { contractSchemas } from '../contract';
import { CONTRACTS, type ContractParty } from '../documents';
import { PARTY_NAMES } from '../domain/contractViews';
import { actorOf, partiesOf } from '../steps/contractAccess';
import { readContract } from '../steps/contractRead';

const ALL: ContractParty[] = ['buyer', 'provider', 'supervisor'];

export default action({
  input: contractSchemas.signContract,
  async run(input, ctx): Promise<{ signed: ContractParty[]; status: 'signing' | 'active' }> {
    const { contract, caller } = await readContract(ctx, input.contractId);
    const mine = partiesOf(caller, contract).filter((p) => !input.party || p === input.party);
    if (mine.length === 0) throw forbidden('只有合同的三方可以签署');
    if (mine.length > 1) throw invalid('请选择以哪一方签署', [{ path: 'party', message: 'required' }]);
    const party = mine[0]!;
    if (contract.status !== 'signing') throw conflict('合同不在签署阶段');
    const by = actorOf(caller);
    const signed = await db
      .collection(CONTRACTS)
      .where({ _id: contract._id, status: 'signing', 'signatures.party': _.neq(party) })
      .update({
        data: {
          signatures: _.push([{ party, by, at: ctx.now }]),
          history: _.push([{ kind: 'sign', by, at: ctx.now, reason: PARTY_NAMES[party] }]),
          rev: _.inc(1),
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(signed) !== 1) throw conflict(`${PARTY_NAMES[party]}已经签署`);
    const activated = await db
      .collection(CONTRACTS)
      .where({ _id: contract._id, status: 'signing', 'signatures.party': _.all(ALL) })
      .update({ data: { status: 'active', rev: _.inc(1), updatedAt: ctx.now } });
    const parties = [...new Set([...contract.signatures.map((s) => s.party), party])];
    return {
      signed: ALL.filter((p) => parties.includes(p) || updatedCount(activated) === 1),
      status: updatedCount(activated) === 1 ? 'active' : 'signing',
    };
  },
});
