/**
 * callForm — what the call editor needs of the admin's street: its name and communities (the demand list comes
 * from demandList).
 * Input: { streetId? } (default: the caller's street). Result: CallForm.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND (street).
 * Round trips: 1.
 */
import { action } from '../../common/action';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { firstOf } from '../../common/joins';
import { callInputs, type CallForm } from '../contract';
import { readStreet } from '../steps/streetAccess';

export default action({
  input: callInputs.callForm,
  async run(input, ctx): Promise<CallForm> {
    const { street, read } = await readStreet(ctx, input.streetId, [
      { set: { streetKey: firstOf('streets._id') } },
      {
        as: 'communities',
        from: PLACES,
        let: { street: '$streetKey' },
        expr: { $eq: ['$parentId', '$$street'] },
        sort: { order: 1 },
      },
    ]);
    return {
      streetId: street._id,
      streetName: street.name,
      communities: read
        .all<PlaceDoc>('communities')
        .filter((c) => c.path.includes(street._id))
        .map((c) => ({ id: c._id, name: c.name })),
    };
  },
});
