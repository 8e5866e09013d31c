/**
 * Helpers for the proposals cloud tests: rounds with dates relative to the cloud's clock, moving the clock to a
 * phase and firing the timer as CloudBase would, complete proposals, and voters inserted straight into `users`.
 */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import type { DemoCloud } from '../../support/demo';

/** What createRound takes. */
type RoundInput = ActionInput<'proposals', 'createRound'>;
/** A proposal's content: what createProposal takes but the round and the key. */
export type ProposalContent = Omit<ActionInput<'proposals', 'createProposal'>, 'roundId' | 'idempotencyKey'>;

/** Day in ms. */
export const DAY = 24 * 60 * 60_000;

/** Offsets (days from creation) of each date of a test round. */
export const PLAN = {
  collectingFrom: 0,
  screeningFrom: 2,
  votingFrom: 4,
  votingUntil: 6,
  workFrom: 7,
} as const;

/** A schedule starting `startInDays` from the cloud's now (collecting opens at once when ≤ 0). */
export function schedule(demo: DemoCloud, startInDays = -0.01): Record<keyof typeof PLAN, string> {
  const base = demo.cloud.clock.now() + startInDays * DAY;
  return Object.fromEntries(
    Object.entries(PLAN).map(([k, d]) => [k, new Date(base + d * DAY).toISOString()]),
  ) as Record<keyof typeof PLAN, string>;
}

let keys = 0;
/** A fresh idempotency key. */
export const key = (prefix = 'k') => `${prefix}-${Date.now().toString(36)}-${++keys}`;

/** A created round's id and version. */
export interface Made {
  id: string;
  version: number;
}

/** Creates a round for 禄口街道 (or `scopeId`) as its admin. */
export async function makeRound(
  demo: DemoCloud,
  over: Partial<RoundInput> = {},
  admin = 'demo-admin-lukou',
): Promise<Made> {
  return demo.ok('proposals', admin, 'createRound', {
    idempotencyKey: key('round'),
    scopeId: 'jn-lukou',
    title: '幸福禄口·微公益 第一期',
    description: '居民提出身边的小项目，大家投票决定资助哪些。',
    totalBudget: 20000,
    schedule: schedule(demo),
    ...over,
  });
}

/** A complete proposal's content (budget 3,000 yuan unless told). */
export function content(title: string, budget = 3000): ProposalContent {
  const a = Math.floor(budget / 2);
  return {
    title,
    summary: `${title}：为社区居民做一件实在的小事。`,
    details: '每月两次活动，由提案人和邻居志愿者组织，社区提供场地，预算用于材料和讲师费用。',
    budgetLines: [
      { item: '材料费', amount: a },
      { item: '讲师费', amount: budget - a },
    ],
    budget,
    months: 5,
    beneficiaries: { who: '社区居民', count: 60 },
    coProposers: ['李秀兰'],
  };
}

/** Creates and submits a complete proposal; returns its id. */
export async function propose(
  demo: DemoCloud,
  roundId: string,
  openid: string,
  title: string,
  budget = 3000,
): Promise<string> {
  const saved = await demo.ok('proposals', openid, 'createProposal', {
    roundId,
    idempotencyKey: key('p'),
    ...content(title, budget),
  });
  await demo.ok('proposals', openid, 'submitProposal', { roundId, proposalId: saved.id });
  return saved.id;
}

/** Moves the cloud's clock to `days` after the round's creation plus `extraMs`, then fires the timer once. */
export async function at(
  demo: DemoCloud,
  createdAtMs: number,
  days: number,
  extraMs = 60_000,
): Promise<unknown> {
  const target = createdAtMs + days * DAY + extraMs;
  const now = demo.cloud.clock.now();
  if (target > now) demo.cloud.clock.advance(target - now);
  return fireTimer(demo);
}

/** Fires the proposals timer and returns its reply. */
export async function fireTimer(
  demo: DemoCloud,
): Promise<{ ok: boolean; data?: { steps: { roundId: string; to: string }[] } }> {
  const outcome = await demo.cloud.timers.fire('proposals', 'advancePhases');
  if (!outcome.ok) throw new Error(`timer failed: ${outcome.error.message}`);
  return JSON.parse(outcome.resultJson) as {
    ok: boolean;
    data?: { steps: { roundId: string; to: string }[] };
  };
}

/** A stored round, as the tests read it. */
export type StoredRound = Record<string, unknown> & { version: number };

/** The stored round. */
export function roundDoc(demo: DemoCloud, id: string): StoredRound {
  return demo.cloud.store.docs('proposal_rounds').find((r) => r._id === id) as unknown as StoredRound;
}

/**
 * Inserts `n` residents of `communityId` straight into `users` (as account.login + updateProfile would leave
 * them), for tests that need many voters fast. Returns their openids.
 */
export function insertResidents(
  demo: DemoCloud,
  prefix: string,
  n: number,
  communityId = 'jn-lukou-lukou',
): string[] {
  const [district, street] = ['jn', communityId.split('-').slice(0, 2).join('-')];
  const now = new Date(demo.cloud.clock.now());
  const docs = Array.from({ length: n }, (_x, i) => ({
    _id: `${prefix}-${i}`,
    openid: `${prefix}-openid-${i}`,
    kind: 'wechat',
    nickname: `居民${i}`,
    placePath: [district, street, communityId],
    communityId,
    roles: [],
    roleHistory: [],
    createdAt: now,
    updatedAt: now,
  }));
  demo.cloud.store.insert('users', docs);
  return docs.map((d) => d.openid);
}

/** A round taken to voting with accepted proposals by the given authors; returns its id, ids and start time. */
export async function roundInVoting(
  demo: DemoCloud,
  authors: { openid: string; title: string; budget?: number }[],
  over: Partial<RoundInput> = {},
): Promise<{ roundId: string; ids: string[]; t0: number }> {
  const t0 = demo.cloud.clock.now();
  const { id: roundId } = await makeRound(demo, over);
  const ids: string[] = [];
  for (const a of authors) ids.push(await propose(demo, roundId, a.openid, a.title, a.budget));
  await at(demo, t0, PLAN.screeningFrom);
  for (const id of ids)
    await demo.ok('proposals', 'demo-admin-lukou', 'screenProposal', {
      roundId,
      proposalId: id,
      decision: 'accept',
    });
  await at(demo, t0, PLAN.votingFrom);
  return { roundId, ids, t0 };
}

/** Takes a voting round through results (published as computed) to in_progress. */
export async function toWork(demo: DemoCloud, roundId: string, t0: number): Promise<void> {
  await at(demo, t0, PLAN.votingUntil);
  const version = roundDoc(demo, roundId).version as number;
  await demo.ok('proposals', 'demo-admin-lukou', 'publishResults', { roundId, expectedVersion: version });
  await at(demo, t0, PLAN.workFrom);
}
