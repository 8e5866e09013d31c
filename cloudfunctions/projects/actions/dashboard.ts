/**
 * projects.dashboard — the street's dashboard (数据看板) for its admins: read from the summary the `refresh` timer
 * computes every 10 minutes (domain/dashboard), with the time it was computed.
 * Input: streetId (for an admin over several streets; default their street). Errors: FORBIDDEN (not an admin over
 * the street), INVALID_INPUT (a district admin naming no street). Round trips: 1 (the caller with the summary).
 */
import { action } from '../../common/action';
import { adminGrants, requireAdminOver, requireAnyAdmin } from '../../common/auth';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { invalid } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { contractSchemas } from '../contract';
import { SUMMARIES, type SummaryDoc } from '../documents';
import type { Dashboard } from '../domain/dashboard';

export default action({
  input: contractSchemas.dashboard,
  async run(input, ctx): Promise<{ streetId: string; computedAt: Date | null; dashboard: Dashboard | null }> {
    const { caller, all } = await readWithCaller(ctx, [
      { as: 'summaries', from: SUMMARIES, match: input.streetId ? { _id: input.streetId } : {}, limit: 50 },
      { as: 'streets', from: PLACES, match: input.streetId ? { _id: input.streetId } : { level: 'street' } },
    ]);
    const streets = adminGrants(caller)
      .filter((g) => g.scopeLevel === 'street')
      .map((g) => g.scopeId!);
    requireAnyAdmin(caller);
    const streetId = input.streetId ?? streets[0];
    if (!streetId) throw invalid('请选择街道', [{ path: 'streetId', message: 'required' }]);
    const summary = all<SummaryDoc>('summaries').find((s) => s._id === streetId);
    requireAdminOver(caller, all<PlaceDoc>('streets').find((p) => p._id === streetId)?.path ?? [streetId]);
    return {
      streetId,
      computedAt: summary?.computedAt ?? null,
      dashboard: (summary?.dashboard as Dashboard | undefined) ?? null,
    };
  },
});
