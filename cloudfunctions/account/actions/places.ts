/**
 * places — the whole place tree (区 → 街道 → 社区), small enough to send at once for the community picker.
 * Input: {}. Result: PlaceView[] in display order. Errors: UNAUTHENTICATED. Round trips: 1.
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { rows } from '../../common/db';
import { accountInputs, type PlaceView } from '../contract';
import { PLACES, type PlaceDoc } from '../../common/directory/places';

export default action({
  input: accountInputs.places,
  async run(): Promise<PlaceView[]> {
    const places = rows<PlaceDoc>(await db.collection(PLACES).orderBy('order', 'asc').limit(1000).get());
    return places.map((p) => ({ id: p._id, level: p.level, name: p.name, parentId: p.parentId }));
  },
});
