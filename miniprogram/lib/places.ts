/** The place tree (区 → 街道 → 社区) as pages need it: what lies under an admin's scopes. */
import type { PlaceView } from './account';

/** The place `rootId` and every place under it, top first. */
export function placesUnder(places: PlaceView[], rootId: string): PlaceView[] {
  const out: PlaceView[] = [];
  const visit = (id: string): void => {
    const place = places.find((p) => p.id === id);
    if (!place || out.includes(place)) return;
    out.push(place);
    for (const child of places.filter((p) => p.parentId === id)) visit(child.id);
  };
  visit(rootId);
  return out;
}

/** The communities under any of `scopeIds`, in tree order. */
export function communitiesUnder(places: PlaceView[], scopeIds: string[]): PlaceView[] {
  const out = new Map<string, PlaceView>();
  for (const id of scopeIds) {
    for (const p of placesUnder(places, id)) if (p.level === 'community') out.set(p.id, p);
  }
  return [...out.values()];
}

/** The name of a community's street (its parent), or ''. */
export function streetNameOf(places: PlaceView[], community: PlaceView): string {
  return places.find((p) => p.id === community.parentId)?.name ?? '';
}
