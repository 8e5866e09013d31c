/**
 * openExport — opens an export once: marks it opened (a conditional update, so two taps cannot both open it) and
 * returns download links that work for a few minutes. Only whoever asked for the export may open it.
 * Input: { exportId }. Result: ExportLinks.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, NOT_FOUND (no such export of the caller's), CONFLICT (already opened, or
 * expired). Round trips: 2 (the caller with the export; the conditional update).
 */
import { action } from '../../../common/action';
import { _, db } from '../../../common/cloud';
import { tempLinks } from '../../../common/exports/storage';
import { updatedCount } from '../../../common/db';
import { readWithCaller } from '../../../common/joins';
import { conflict, notFound } from '../../../common/errors';
import { PRIVACY_LIMITS } from '../../../../miniprogram/shared/limits';
import { accountInputs, type ExportLinks } from '../../contract';
import { EXPORTS, type ExportDoc } from '../../documents';

export default action({
  input: accountInputs.openExport,
  async run(input, ctx): Promise<ExportLinks> {
    const r = await readWithCaller(ctx, [
      { as: 'export', from: EXPORTS, match: { _id: input.exportId }, limit: 1 },
    ]);
    const me = r.caller;
    const doc = r.one<ExportDoc>('export');
    if (!doc || doc.requestedBy !== me._id) throw notFound('导出文件');
    if (doc.openedAt) throw conflict('这个链接已经打开过一次，如需再取请重新导出');
    if (doc.expiresAt <= ctx.now) throw conflict('这个导出已过期，请重新导出');
    // Two taps at once: only one update finds it unopened.
    const res = await db
      .collection(EXPORTS)
      .where({
        _id: input.exportId,
        requestedBy: me._id,
        openedAt: _.exists(false),
        expiresAt: _.gt(ctx.now),
      })
      .update({ data: { openedAt: ctx.now } });
    if (updatedCount(res) !== 1) throw conflict('这个链接已经打开过一次，如需再取请重新导出');
    const [jsonUrl, htmlUrl] = await tempLinks(
      [doc.files.json, doc.files.html],
      PRIVACY_LIMITS.exportLinkMinutes,
    );
    return { jsonUrl: jsonUrl!, htmlUrl: htmlUrl!, linkMinutes: PRIVACY_LIMITS.exportLinkMinutes };
  },
});
