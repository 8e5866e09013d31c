/**
 * poolChecklist — the checklist a street's pool applications are assessed against (the street's own, or the
 * default until it sets one).
 * Input: { streetId? } (default: the caller's street). Result: ChecklistView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street, or of none without
 * `streetId`), NOT_FOUND (street).
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { firstOf } from '../../common/joins';
import { poolInputs, type ChecklistView } from '../contract';
import { SETTINGS, type ProjectSettingsDoc } from '../documents';
import { DEFAULT_CHECKLIST } from '../domain/pool';
import { readStreet } from '../steps/streetAccess';

export default action({
  input: poolInputs.poolChecklist,
  async run(input, ctx): Promise<ChecklistView> {
    const { street, read } = await readStreet(ctx, input.streetId, [
      { set: { streetKey: firstOf('streets._id') } },
      { as: 'settings', from: SETTINGS, localField: 'streetKey', foreignField: '_id' },
    ]);
    const own = read.one<ProjectSettingsDoc>('settings');
    return { streetId: street._id, items: own?.checklist ?? [...DEFAULT_CHECKLIST], isDefault: !own };
  },
});
