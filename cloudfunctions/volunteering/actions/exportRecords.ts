/**
 * exportRecords — the service record of a period as CSV (志愿服务记录: volunteer, activity, date, hours,
 * organization, place, verified or not), saved to cloud storage with a temporary link. Admins export a place they
 * administer, with names in full; provider staff export their organization's activities, with names masked.
 * Input: { from, to, scopeId? (admins), orgId? (staff) }. Result: ExportResult.
 * Errors: INVALID_INPUT (period), UNAUTHENTICATED, FORBIDDEN (not an admin of the scope / staff of the
 * organization). Round trips: 2 (caller, the ledger summed per sign-up); the file goes to storage, not the database.
 */
import { action } from '../../common/action';
import { adminGrants, providerOrgIds } from '../../common/auth';
import { _ } from '../../common/cloud';
import { saveFiles, tempLinks } from '../../common/exports/storage';
import { forbidden, invalid } from '../../common/errors';
import { idempotentId } from '../../common/idempotency';
import { VOL_LIMITS, volunteeringInputs, type ExportResult } from '../contract';
import { recordCsv } from '../domain/records';
import { dateKey } from '../../../miniprogram/shared/calendar';
import { signupHours } from '../store';

const DAY = 86_400_000;

export default action({
  input: volunteeringInputs.exportRecords,
  async run(input, ctx): Promise<ExportResult> {
    const me = await ctx.caller();
    if (input.to <= input.from)
      throw invalid('结束日期须晚于开始日期', [{ path: 'to', message: 'before from' }]);
    if (input.to.getTime() - input.from.getTime() > VOL_LIMITS.exportDaysMax * DAY)
      throw invalid(`一次最多导出 ${VOL_LIMITS.exportDaysMax} 天`, [{ path: 'to', message: 'too long' }]);
    const scopes = adminGrants(me).map((g) => g.scopeId!);
    const orgs = providerOrgIds(me);
    let match: Record<string, unknown>;
    let label: string;
    let maskNames: boolean;
    if (input.scopeId || (!input.orgId && scopes.length > 0)) {
      // An admin exports a place they administer: the people of their own scope, in full.
      const scopeId = input.scopeId ?? scopes[0]!;
      if (!scopes.includes(scopeId)) throw forbidden('只能导出自己管辖范围的记录');
      match = { placePath: scopeId };
      label = scopeId;
      maskNames = false;
    } else {
      const orgId = input.orgId ?? orgs[0];
      if (!orgId || !orgs.includes(orgId)) throw forbidden('只有管理员或本机构工作人员可以导出记录');
      match = { 'organizer.id': orgId };
      label = orgId;
      maskNames = true;
    }
    const groups = await signupHours(
      { ...match, activityStartAt: _.gte(input.from).and(_.lt(input.to)) },
      { newestFirst: false, limit: VOL_LIMITS.exportRowsMax },
    );
    const csv = recordCsv(groups, { maskNames });
    const fileName = `志愿服务记录_${dateKey(input.from)}_${dateKey(input.to.getTime() - 1)}.csv`;
    const stamp = idempotentId(
      me._id,
      'export',
      `${label}|${input.from.toISOString()}|${ctx.now.toISOString()}`,
    );
    const [fileId] = await saveFiles([
      { cloudPath: `exports/volunteering/${label}/${stamp}.csv`, content: Buffer.from(csv, 'utf8') },
    ]);
    const [url] = await tempLinks([fileId!], 60);
    return {
      fileId: fileId!,
      url: url!,
      fileName,
      rows: groups.length,
      namesMasked: maskNames,
    };
  },
});
