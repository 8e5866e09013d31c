/**
 * The street's big screen (大屏): what a public wall screen may show — the dashboard's aggregate figures with every
 * id taken out (names of contracts, organizations and communities are public; no person appears) — and its
 * read-only token: random, kept only as a hash, scoped to one street, valid for SCREEN_TOKEN_DAYS.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Dashboard } from './dashboard';

/** How long a screen token works; the admin makes a new one before then (the old one stops at once). */
export const SCREEN_TOKEN_DAYS = 180;

/** A group's figures on the screen (an organization, a community). */
export interface ScreenGroup {
  name: string;
  contracts: number;
  attainment: number;
  budgetFen: number;
  spentFen: number;
}

/** What the big screen gets. */
export interface ScreenView {
  streetName: string;
  /** When the summary was computed; null before the first refresh. */
  computedAt: Date | null;
  dashboard: {
    contracts: number;
    standing: Dashboard['standing'];
    budgetFen: number;
    spentFen: number;
    releasedFen: number;
    attainment: number;
    satisfaction: Dashboard['satisfaction'];
    byOrg: ScreenGroup[];
    byCommunity: ScreenGroup[];
    lines: {
      title: string;
      orgName: string;
      standing: Dashboard['lines'][number]['standing'];
      attainment: number;
    }[];
  } | null;
}

const group = (g: Dashboard['byOrg'][number]): ScreenGroup => ({
  name: g.name,
  contracts: g.contracts,
  attainment: g.attainment,
  budgetFen: g.budgetFen,
  spentFen: g.spentFen,
});

/** The screen's view of a street's dashboard: the same figures, no ids. */
export function screenView(streetName: string, computedAt: Date | null, d: Dashboard | null): ScreenView {
  return {
    streetName,
    computedAt,
    dashboard: d && {
      contracts: d.contracts,
      standing: { ...d.standing },
      budgetFen: d.budgetFen,
      spentFen: d.spentFen,
      releasedFen: d.releasedFen,
      attainment: d.attainment,
      satisfaction: d.satisfaction.map((m) => ({ month: m.month, percent: m.percent, ratings: m.ratings })),
      byOrg: d.byOrg.map(group),
      byCommunity: d.byCommunity.map(group),
      lines: d.lines.map((l) => ({
        title: l.title,
        orgName: l.orgName,
        standing: l.standing,
        attainment: l.attainment,
      })),
    },
  };
}

/** A new token (what goes in the link). */
export const newScreenToken = (): string => randomBytes(24).toString('base64url');

/** The stored form of a token. */
export const hashScreenToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether `token` is the one whose hash is `tokenHash` (compared in constant time). */
export function screenTokenMatches(token: string, tokenHash: string): boolean {
  const a = Buffer.from(hashScreenToken(token), 'hex');
  const b = Buffer.from(tokenHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
