/**
 * Subscription messages the capability sends: to a proposer when their proposal is screened, when voting opens,
 * when results are published, and when their project is confirmed complete. Sending never undoes the action.
 */
import { notify, templateId, thing } from '../common/notify';

/** Where a message opens the mini program. */
export function proposalPage(roundId: string, proposalId: string): string {
  return `packages/proposals/pages/proposal/index?roundId=${roundId}&proposalId=${proposalId}`;
}

/** A message to a proposer about their proposal. */
export function tellProposer(
  to: { authorOpenid: string; roundId: string; _id: string; title: string },
  template:
    | 'PROPOSAL_SCREENED'
    | 'PROPOSAL_VOTING'
    | 'PROPOSAL_RESULT'
    | 'PROPOSAL_COMPLETED'
    | 'PROPOSAL_CHANGE_DECIDED',
  outcome: string,
  note: string,
): Promise<boolean> {
  return notify({
    touser: to.authorOpenid,
    templateId: templateId(template),
    page: proposalPage(to.roundId, to._id),
    data: {
      thing1: thing(to.title),
      phrase2: { value: [...outcome].slice(0, 5).join('') },
      thing3: thing(note.trim() === '' ? '请打开小程序查看' : note),
    },
  });
}

/** A message to each supporter of a funded project whose budget was reduced or which was abandoned. */
export async function tellSupporters(
  openids: readonly string[],
  p: { roundId: string; _id: string; title: string },
  outcome: string,
  note: string,
): Promise<number> {
  const sent = await Promise.all(
    openids.map((touser) =>
      notify({
        touser,
        templateId: templateId('PROPOSAL_CHANGED'),
        page: proposalPage(p.roundId, p._id),
        data: {
          thing1: thing(p.title),
          phrase2: { value: [...outcome].slice(0, 5).join('') },
          thing3: thing(note.trim() === '' ? '请打开小程序查看' : note),
        },
      }),
    ),
  );
  return sent.filter(Boolean).length;
}
