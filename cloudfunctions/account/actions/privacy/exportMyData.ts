/**
 * exportMyData — writes everything Mulin holds about the caller (or an elder without WeChat, by an admin of their
 * place with the elder's recorded consent) to two files in storage: a JSON and a readable HTML page (PIPL art. 45).
 * The export opens once, through openExport, by whoever asked, within the hour; then its files are deleted.
 * Input: { elderId?, consent? (required for an elder) }. Result: ExportMade.
 * Errors: INVALID_INPUT (no consent for an elder), UNAUTHENTICATED, NOT_FOUND (elder), FORBIDDEN.
 * Round trips: 2 (the caller with every collection, in one aggregation; the export's record); the files go to storage
 * between them.
 */
import { action } from '../../../common/action';
import { db } from '../../../common/cloud';
import { randomFolder, saveFiles } from '../../../common/exports/storage';
import { PRIVACY_LIMITS } from '../../../../miniprogram/shared/limits';
import { accountInputs, type ExportMade } from '../../contract';
import { EXPORTS, type ExportDoc } from '../../documents';
import { exportHtml, exportJson, type ExportData } from '../../domain/exportFile';
import { exportSections } from '../../domain/personalData';
import { personOf, readPersonalData } from '../../steps/personalData';
import { consentFor, subjectOf } from '../../steps/subject';

export default action({
  input: accountInputs.exportMyData,
  async run(input, ctx): Promise<ExportMade> {
    const { caller, target, found } = await readPersonalData(ctx, input.elderId);
    const who = subjectOf(caller, input.elderId, target);
    const consent = consentFor(caller, who, input.consent, ctx.now);
    const data: ExportData = {
      generatedAt: ctx.now,
      subject: { nickname: who.nickname, kind: who.kind },
      sections: exportSections(found, personOf(who)),
    };
    // A random folder: the files are named by nothing a person could guess or that names them.
    const _id = randomFolder();
    const folder = `exports/account/${_id}`;
    const [json, html] = await saveFiles([
      { cloudPath: `${folder}/我的个人信息.json`, content: exportJson(data) },
      { cloudPath: `${folder}/我的个人信息.html`, content: exportHtml(data) },
    ]);
    const records = data.sections.reduce((n, s) => n + s.records.length, 0);
    const doc: ExportDoc = {
      _id,
      userId: who._id,
      requestedBy: caller._id,
      ...(consent ? { consent } : {}),
      files: { json: json!, html: html! },
      records,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + PRIVACY_LIMITS.exportTtlMinutes * 60_000),
    };
    await db.collection(EXPORTS).add({ data: doc });
    return { exportId: _id, records, expiresAt: doc.expiresAt.toISOString() };
  },
});
