/**
 * setPoolChecklist — a street admin sets the street's pool checklist (applications assessed after this use it;
 * earlier assessments keep the checklist they were made with).
 * Input: { streetId, items }. Result: ChecklistView.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND (street).
 * Round trips: 2 (caller with the street, the set).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { poolInputs, type ChecklistView } from '../contract';
import { SETTINGS, type ProjectSettingsDoc } from '../documents';

export default action({
  input: poolInputs.setPoolChecklist,
  async run(input, ctx): Promise<ChecklistView> {
    const read = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
    ]);
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireAdminOver(read.caller, street.path);
    const doc: Omit<ProjectSettingsDoc, '_id'> = {
      checklist: input.items,
      updatedBy: { id: read.caller._id, name: read.caller.realName ?? read.caller.nickname },
      updatedAt: ctx.now,
    };
    await db.collection(SETTINGS).doc(street._id).set({ data: doc });
    return { streetId: street._id, items: input.items, isDefault: false };
  },
});
