/**
 * makeContracts — once the complaint window has closed and every complaint is answered, the street admin makes
 * the contracts (签订协议): for each awarded bid a three-party contract in status `signing` (documents.ts
 * ContractDoc; domain/contracts.ts) with the call's indicator templates and the bid's targets, tranches from the
 * payment terms, the bid's budget lines, buyer = the street, provider = the organization, supervisor = the
 * call's. Contract ids come from (call, organization) and the call moves `awarded` → `contracted` by one
 * conditional update: two admins at once make one set (the second's insert meets the first's ids and it replies
 * with the same contracts).
 * Input: { callId }. Result: { contractIds }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND, CONFLICT (not
 * awarded; window still open; complaints unanswered).
 * Round trips: 3 (caller with the call, bids, complaints and its contracts; the insert of the contracts; the
 * call's update); when already made: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { conflict } from '../../common/errors';
import { reviewInputs } from '../contract';
import { CALLS, CONTRACTS, type ContractDoc } from '../documents';
import { phaseOf } from '../domain/calls';
import { contractIdOf, contractOf } from '../domain/contracts';
import { readCall } from '../steps/callAccess';

export default action({
  input: reviewInputs.makeContracts,
  async run(input, ctx): Promise<{ contractIds: string[] }> {
    const { read, me, call, bids, complaints } = await readCall(ctx, input.callId, {
      bids: true,
      complaints: true,
      extra: [{ as: 'contracts', from: CONTRACTS, match: { callId: input.callId }, project: { _id: 1 } }],
    });
    requireAdminOver(me, call.scopePath);
    const awarded = (call.result?.ranking ?? []).filter((r) => r.awarded);
    const wanted = awarded.map((r) => bids.find((b) => b._id === r.bidId)!).filter(Boolean);
    const ids = wanted.map(contractIdOf);
    const made = new Set(read.all<ContractDoc>('contracts').map((c) => c._id));
    if (call.status === 'contracted' && ids.every((id) => made.has(id))) return { contractIds: ids };
    const phase = phaseOf(call, ctx.now);
    if (phase === 'complaints') throw conflict('公示期还没有结束');
    if (phase !== 'awarded' && call.status !== 'contracted') throw conflict('项目还没有公示评审结果');
    if (complaints.some((c) => c.status === 'open')) throw conflict('还有投诉没有答复');
    const by = { id: me._id, name: me.realName ?? me.nickname };
    const docs = wanted
      .filter((b) => !made.has(contractIdOf(b)))
      .map((b) => contractOf(call, b, by, ctx.now));
    if (docs.length) {
      try {
        await db.collection(CONTRACTS).add({ data: docs });
      } catch (err) {
        // Another admin made them at the same moment: the ids are the same, so theirs are these.
        if (!isDuplicateKey(err)) throw err;
      }
    }
    if (call.status !== 'contracted')
      await db
        .collection(CALLS)
        .where({ _id: call._id, status: 'awarded' })
        .update({
          data: {
            status: 'contracted',
            contractIds: db.command.set(ids),
            history: db.command.set([...call.history, { kind: 'contracted', by, at: ctx.now }]),
            rev: call.rev + 1,
            updatedAt: ctx.now,
          },
        });
    return { contractIds: ids };
  },
});
