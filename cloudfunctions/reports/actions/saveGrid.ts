/**
 * saveGrid — a street admin draws a grid (网格) of one of their communities: its name, boundary ring and buildings;
 * with `gridId`, the grid is changed (its team stays). A new grid's id comes from its community and name, so a
 * retried tap lands on the same grid.
 * Input: { gridId?, communityId, name, boundary: [[lng, lat]…], buildings }. Result: { id }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin over the community), NOT_FOUND.
 * Round trips: 2 (caller with the community and the grid; the write).
 */
import { action } from '../../common/action';
import { requireAdminOver } from '../../common/auth';
import { db } from '../../common/cloud';
import { isDuplicateKey } from '../../common/db';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { notFound } from '../../common/errors';
import { idempotentId } from '../../common/ids';
import { readWithCaller } from '../../common/joins';
import { reportsInputs } from '../contract';
import { closedRing } from '../domain/geo';
import { GRIDS, type GridDoc } from '../documents';

export default action({
  input: reportsInputs.saveGrid,
  async run(input, ctx): Promise<{ id: string }> {
    const gridId = input.gridId ?? idempotentId(input.communityId, 'grid', input.name);
    const read = await readWithCaller(ctx, [
      { as: 'place', from: PLACES, match: { _id: input.communityId, level: 'community' }, limit: 1 },
      { as: 'grid', from: GRIDS, match: { _id: gridId }, limit: 1 },
    ]);
    const place = read.one<PlaceDoc>('place');
    if (!place) throw notFound('社区');
    requireAdminOver(read.caller, place.path);
    const existing = read.one<GridDoc>('grid');
    if (input.gridId && (!existing || existing.communityId !== place._id)) throw notFound('网格');
    const fields = {
      name: input.name,
      boundary: { type: 'Polygon' as const, coordinates: [closedRing(input.boundary)] },
      buildings: input.buildings,
      updatedAt: ctx.now,
    };
    if (existing) {
      await db
        .collection(GRIDS)
        .doc(gridId)
        .update({ data: { ...fields, boundary: db.command.set(fields.boundary) } });
      return { id: gridId };
    }
    const doc: GridDoc = {
      _id: gridId,
      streetId: place.path[1]!,
      communityId: place._id,
      communityName: place.name,
      placePath: place.path,
      team: [],
      teamIds: [],
      createdAt: ctx.now,
      ...fields,
    };
    try {
      await db.collection(GRIDS).add({ data: doc });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return { id: gridId };
  },
});
