/**
 * fixIssue — an admin marks a reported broken item fixed (it leaves the board).
 * Input: { issueId }. Result: { fixed: true }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the room's place), NOT_FOUND.
 * Round trips: 2 (caller with the report, the update).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { roomsInputs } from '../contract';
import { ISSUES, type IssueDoc } from '../documents';

export default action({
  input: roomsInputs.fixIssue,
  async run(input, ctx): Promise<{ fixed: true }> {
    const read = await readWithCaller(ctx, [
      { as: 'issue', from: ISSUES, match: { _id: input.issueId }, limit: 1 },
    ]);
    const issue = read.one<IssueDoc>('issue');
    if (!issue) throw notFound('报修');
    requireAdminOver(read.caller, issue.placePath);
    await db
      .collection(ISSUES)
      .doc(issue._id)
      .update({ data: { status: 'fixed', fixedAt: ctx.now, fixedBy: read.caller._id } });
    return { fixed: true };
  },
});
