/**
 * poolChecklist — the checklist a street's pool applications are assessed against (the street's own, or the
 * default until it sets one).
 * Input: { streetId }. Result: ChecklistView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND (street).
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { poolInputs, type ChecklistView } from '../contract';
import { SETTINGS, type ProjectSettingsDoc } from '../documents';
import { DEFAULT_CHECKLIST } from '../domain/pool';

export default action({
  input: poolInputs.poolChecklist,
  async run(input, ctx): Promise<ChecklistView> {
    const read = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
      { as: 'settings', from: SETTINGS, match: { _id: input.streetId }, limit: 1 },
    ]);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(read.caller, street.path);
    const own = read.one<ProjectSettingsDoc>('settings');
    return { streetId: street._id, items: own?.checklist ?? [...DEFAULT_CHECKLIST], isDefault: !own };
  },
});
