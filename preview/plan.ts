/**
 * The shot list: every page in every declared state, plus elder-mode twins (each page's first state, and any
 * state marked `elder`). Node only.
 */
import { DISTRICT_ADMIN, RESIDENTS, STAFF, STREET_ADMINS } from '../seed/demoPeople';
import type { PageSpec } from '../simulator/app-pages';
import { defaultState, pageStates, statesFile, type PageStates, type PreviewState } from './registry';

/** One picture to take. */
export interface Shot {
  /** File-safe unique name, e.g. `pages-home-index--0--elder`. */
  id: string;
  page: PageSpec;
  state: PreviewState;
  /** Position of the state in its page's list. */
  stateIndex: number;
  elder: boolean;
  /** Who the user is, for the gallery. */
  role: string;
  /** False when the page has no declaration and got the default state. */
  declared: boolean;
}

/** The shot list and the warnings found while making it (pages without declared states). */
export interface Plan {
  shots: Shot[];
  warnings: string[];
}

const PEOPLE = new Map(
  [DISTRICT_ADMIN, ...STREET_ADMINS, ...STAFF, ...RESIDENTS].map((p) => [
    p.openid,
    `${p.nickname}（${p.note}）`,
  ]),
);

/** The label of a demo user: nickname and what they are in the demo, or the openid itself. */
export function roleLabel(openid: string): string {
  return PEOPLE.get(openid) ?? openid;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The file-safe id of a shot. */
export function shotId(route: string, stateIndex: number, stateName: string, elder: boolean): string {
  const name = slug(stateName);
  return `${slug(route)}--${stateIndex}${name ? `-${name}` : ''}${elder ? '--elder' : ''}`;
}

/**
 * Plans the shots of `pages`. A page whose declaration cannot be read still gets the default state, and the
 * problem is reported as a warning, so one broken file does not hide every other picture.
 */
export function planShots(pages: PageSpec[], statesOf: (route: string) => PageStates = pageStates): Plan {
  const shots: Shot[] = [];
  const warnings: string[] = [];
  for (const page of pages) {
    let declared: PageStates;
    try {
      declared = statesOf(page.route);
    } catch (err) {
      warnings.push(`${page.route}: ${(err as Error).message}; photographed in the default state instead`);
      declared = { states: [defaultState(page.route)] };
    }
    if (!declared.file && !warnings.some((w) => w.startsWith(`${page.route}:`))) {
      const file = statesFile(page.route).replace(/^.*?preview\//, 'preview/');
      warnings.push(`${page.route}: no states declared (${file}); photographed in the default state`);
    }
    declared.states.forEach((state, stateIndex) => {
      const base = {
        page,
        state,
        stateIndex,
        role: state.role ?? roleLabel(state.user),
        declared: declared.file !== undefined,
      };
      shots.push({ ...base, id: shotId(page.route, stateIndex, state.name, false), elder: false });
      if (stateIndex === 0 || state.elder)
        shots.push({ ...base, id: shotId(page.route, stateIndex, state.name, true), elder: true });
    });
  }
  return { shots, warnings };
}
