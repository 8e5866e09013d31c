/**
 * myData — everything Mulin holds about the caller (or an elder without WeChat an admin acts for), per kind of
 * record: how many, what deletion would do and why (PIPL art. 45). Votes show which round and how many, never whom
 * for. Input: { elderId? }. Result: MyDataView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (elder), FORBIDDEN (not a proxy elder of the admin's place).
 * Round trips: 1 (the caller with every collection naming them, in one aggregation; an admin's call reads the elder
 * in it too).
 */
import { action } from '../../../common/action';
import { maskName, maskPhone } from '../../../common/mask';
import { PERSONAL_DATA } from '../../../common/personalData';
import { accountInputs, type MyDataView } from '../../contract';
import { ERASURES, type ErasureDoc } from '../../documents';
import { exportSections } from '../../domain/personalData';
import { personOf, readPersonalData, VOTE_ROUNDS } from '../../steps/personalData';
import { subjectOf } from '../../steps/subject';

const OPEN_ORDER = new Set(['submitted', 'matched', 'accepted', 'in_service']);

export default action({
  input: accountInputs.myData,
  async run(input, ctx): Promise<MyDataView> {
    const { caller, target, found, docs } = await readPersonalData(ctx, input.elderId, VOTE_ROUNDS);
    const roundTitles = new Map(
      docs.all<{ _id: string; title: string }>('voteRounds').map((r) => [r._id, r.title]),
    );
    const who = subjectOf(caller, input.elderId, target);
    const sections = exportSections(found, personOf(who));
    const erasure = (found[ERASURES] ?? []).find((d) => d._id === who._id) as ErasureDoc | undefined;
    const ballots = found.proposal_ballots ?? [];
    const orders = found.service_orders ?? [];
    return {
      subject: {
        id: who._id,
        nickname: who.nickname,
        kind: who.kind,
        ...(who.realName ? { realNameMasked: maskName(who.realName) } : {}),
        ...(who.phone ? { phoneMasked: maskPhone(who.phone) } : {}),
      },
      sections: sections.map((s) => ({
        collection: s.collection,
        title: s.title,
        count: s.records.length,
        actedOn: s.actedOn.length,
        treatment: PERSONAL_DATA[s.collection]!.treatment,
        why: s.why,
      })),
      votes: ballots
        .filter((b) => b.voterId === who._id)
        .map((b) => ({
          round: roundTitles.get(String(b.roundId)) ?? '一轮微公益投票',
          count: Number(b.count ?? 0),
        })),
      ...(erasure ? { erasureDueAt: erasure.dueAt.toISOString() } : {}),
      phoneNeeded: orders.some((o) => o.beneficiaryId === who._id && OPEN_ORDER.has(String(o.status))),
    };
  },
});
