/**
 * Seeds a fresh data folder with the demo community, when the project has one (localcloud/seed/demo.ts).
 * Returns a one-line summary, or undefined when there is no seed yet.
 */
import type { LocalCloud } from '../cloud';

/** Loads the demo seed into a fresh local cloud. */
export async function seedIfFresh(_cloud: LocalCloud): Promise<string | undefined> {
  return undefined;
}
