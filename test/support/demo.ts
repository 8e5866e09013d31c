/**
 * A test cloud with the project's built functions and the demo community's account side (places, admins,
 * organizations, staff, residents, a proxy elder, family links), and calls as its people.
 */
import type { LocalCloud } from '../../localcloud/cloud';
import type { AccountSeed } from '../../seed/account';
import { TEST_FUNCTION_TIMEOUT_S } from '../../seed/projectCloud';
import { seedTemplate, startFromTemplate } from '../../seed/template';
import type { Reply } from '../../cloudfunctions/common/reply';

/** A started cloud with the demo community. */
export interface DemoCloud {
  cloud: LocalCloud;
  seed: AccountSeed;
  /** The seed's summary (`{ full: true }`: seedDemo's, a line per capability, as `npm start` prints it). */
  summary: string;
  /** Calls `fn.action` as `openid`; returns the function's reply and the invocation's round trips. */
  call<T = unknown>(
    fn: string,
    openid: string,
    action: string,
    payload?: Record<string, unknown>,
  ): Promise<Reply<T> & { roundTrips: number }>;
  /** Like call, but returns data and fails the test on an error reply. */
  ok<T = unknown>(fn: string, openid: string, action: string, payload?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts a cloud with the demo community's people (the account part of the demo seed), or with the whole demo
 * community (`{ full: true }`: every capability's demo data, as `npm start` has it). The data comes from a seed
 * that ran through the real functions once for the whole test run (seed/template.ts), loaded into this
 * file's own in-memory cloud: what a file changes is its own.
 */
export async function startDemoCloud(options: { full?: boolean } = {}): Promise<DemoCloud> {
  const template = await seedTemplate(options.full ? 'full' : 'account');
  const cloud = await startFromTemplate(template, { minFunctionTimeoutSeconds: TEST_FUNCTION_TIMEOUT_S });
  const seed = template.account;
  const call = async <T>(
    fn: string,
    openid: string,
    action: string,
    payload: Record<string, unknown> = {},
  ) => {
    const reply = await cloud.call(fn, { action, ...payload }, openid);
    if ('error' in reply)
      throw new Error(
        `${fn}.${action}: platform error ${reply.error.errMsg}\n${cloud.host.recentLogs().join('\n')}`,
      );
    return { ...(reply.result as Reply<T>), roundTrips: reply.stats.dbRoundTrips };
  };
  return {
    cloud,
    seed,
    summary: template.summary,
    call,
    ok: async <T>(fn: string, openid: string, action: string, payload: Record<string, unknown> = {}) => {
      const r = await call<T>(fn, openid, action, payload);
      if (!r.ok)
        throw new Error(
          `${fn}.${action} as ${openid}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`,
        );
      return r.data;
    },
    close: () => cloud.close(),
  };
}

/** One capability's line of a full demo's summary (`charity: 3 supermarkets, …` → `3 supermarkets, …`). */
export function partSummary(demo: DemoCloud, part: string): string {
  const line = demo.summary.split('\n').find((l) => l.trim().startsWith(`${part}: `));
  return line ? line.trim().slice(part.length + 2) : `no ${part} line in: ${demo.summary}`;
}
