/**
 * The state registry: what each page is photographed in. A page's owner declares its states in
 * `preview/states/<page route>.ts` (e.g. `preview/states/pages/home/index.ts` for `pages/home/index`):
 *
 *     import type { PreviewState } from '../../../registry';
 *     export const states: PreviewState[] = [
 *       { name: '有数据', user: 'demo-resident-wang' },
 *       { name: '空', user: 'demo-resident-chen' },
 *       { name: '出错', user: 'demo-resident-wang', cloud: 'offline' },
 *       { name: '管理员', user: 'demo-admin-lukou', elder: true },
 *     ];
 *
 * A page without a file gets {@link defaultState} and the run warns, so a new page is photographed before
 * its owner declares anything. Node only (no DOM), so scripts and tests can read it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LocalCloud } from '../localcloud/cloud';
import type { Caller } from '../test/support/demo';

/**
 * A started cloud with the full demo community, as a state's `setup` and `query` see it: typed calls as any demo
 * person (`demo.ok(fn, openid, action, input)`, `demo.call(…)` for the reply envelope).
 */
export interface PreviewDemo extends Caller {
  cloud: LocalCloud;
  /** The `users` document id of a demo person (`demo-resident-wang` → its `_id`); throws when unknown. */
  userId(openid: string): string;
}

/** Where a state's wx.cloud calls go. */
export type PreviewCloud =
  /** The shared demo community (the default; a state with `setup` gets a fresh copy of its own). */
  | 'demo'
  /** A cloud with the functions but no data at all (nobody has logged in, no places). */
  | 'unseeded'
  /** No cloud: every call fails as without network, so the page shows its transport error. */
  | 'offline';

/** One state a page is photographed in. */
export interface PreviewState {
  /** Short name shown under the picture, e.g. `有数据`, `空`, `出错`, `管理员`. Unique per page. */
  name: string;
  /** The openid the page's calls are made as (see seed/demoPeople.ts). */
  user: string;
  /** Label for the user under the picture; defaults to the demo person's nickname and note. */
  role?: string;
  /** The page's onLoad query; a function when it needs ids made by the seed or by `setup`. */
  query?:
    | Record<string, string>
    | ((demo: PreviewDemo) => Record<string, string> | Promise<Record<string, string>>);
  /** Prepares data before the page opens; the state then runs on a freshly seeded cloud of its own. */
  setup?: (demo: PreviewDemo) => Promise<void>;
  /** See {@link PreviewCloud}; default `demo`. */
  cloud?: PreviewCloud;
  /** wx storage the page finds when it opens (e.g. a remembered choice). */
  storage?: Record<string, unknown>;
  /** Also photograph this state in elder mode (the page's first state always is). */
  elder?: boolean;
}

/** A page's declared states and where they came from. */
export interface PageStates {
  states: PreviewState[];
  /** The declaration file, or undefined when the page fell back to the default state. */
  file?: string;
}

/** Folder of the declarations: `preview/states/<route>.ts`. */
export const STATES_DIR = path.join(__dirname, 'states');

/** The declaration file of a page route (whether or not it exists). */
export function statesFile(route: string, dir = STATES_DIR): string {
  return path.join(dir, `${route}.ts`);
}

/**
 * The typical user of a page, guessed from its route, for pages without declared states: staff pages as
 * provider staff, admin pages as a street admin, volunteer pages as the demo volunteer, anything else as a
 * resident.
 */
export function typicalUser(route: string): string {
  if (/(^|\/)(admin|manage|street|district)/.test(route)) return 'demo-admin-lukou';
  if (/(^|\/)(provider|staff|org|deliver)/.test(route)) return 'demo-staff-xinyuan-1';
  if (/(^|\/)volunteer/.test(route)) return 'demo-volunteer-zhao';
  return 'demo-resident-wang';
}

/** The state a page gets when nobody declared any: demo data as its typical user. */
export function defaultState(route: string): PreviewState {
  return { name: '演示数据（默认）', user: typicalUser(route) };
}

/**
 * The states of a page: its declaration file's `states` export, or the default state. Throws when the file
 * exists but does not export a non-empty `states` array with unique names.
 */
export function pageStates(route: string, dir = STATES_DIR): PageStates {
  const file = statesFile(route, dir);
  if (!existsSync(file)) return { states: [defaultState(route)] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as { states?: unknown };
  const states = mod.states;
  if (!Array.isArray(states) || states.length === 0)
    throw new Error(`${file}: export a non-empty \`states: PreviewState[]\``);
  const names = new Set<string>();
  for (const state of states as PreviewState[]) {
    if (typeof state?.name !== 'string' || typeof state.user !== 'string')
      throw new Error(`${file}: every state needs a name and a user (an openid)`);
    if (names.has(state.name)) throw new Error(`${file}: two states are named "${state.name}"`);
    names.add(state.name);
  }
  return { states: states as PreviewState[], file };
}
