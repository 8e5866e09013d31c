/**
 * A test cloud with the project's built functions and the demo community's account side (places, admins,
 * organizations, staff, residents, a proxy elder, family links), and calls as its people.
 */
import type { LocalCloud } from '../../localcloud/cloud';
import type { AccountSeed } from '../../seed/account';
import { seedTemplate, startFromTemplate } from '../../seed/template';
import type { Reply } from '../../cloudfunctions/common/reply';
import { mapLimited } from '../../cloudfunctions/common/concurrency';
import type {
  ActionArgs,
  ActionInput,
  ActionName,
  ActionResult,
  FunctionName,
} from '../../cloudfunctions/manifest';
import { TEST_FUNCTION_TIMEOUT_S } from '../../seed/projectCloud';

/**
 * A row of a table of calls to `F`: an action and a function making its input when the test runs (ids made in
 * `beforeAll`), typed together (an object, not a tuple: TypeScript checks an object's input by its action).
 */
export type LazyCall<F extends FunctionName> = {
  [A in ActionName<F>]: { action: A; input: () => ActionInput<F, A> };
}[ActionName<F>];

/** Typed calls to a local cloud's functions, as any user (cloudfunctions/manifest.ts gives every type). */
export interface Caller {
  /**
   * Calls `fn.action` as `openid` with the action's input (a wrong action, field or read of the result fails the
   * type check); returns the function's reply and the invocation's round trips.
   */
  call<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    openid: string,
    action: A,
    ...input: ActionArgs<F, A>
  ): Promise<Reply<ActionResult<F, A>> & { roundTrips: number }>;
  /** Like call, but returns data and fails the test on an error reply. */
  ok<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    openid: string,
    action: A,
    ...input: ActionArgs<F, A>
  ): Promise<ActionResult<F, A>>;
  /**
   * Sends `payload` to `fn.action` as it is, unchecked by the types: only for tests of what the functions refuse
   * (unknown actions or fields, wrong types, identity fields) or of names chosen at run time.
   */
  unchecked(
    fn: string,
    openid: string,
    action: string,
    payload?: Record<string, unknown>,
  ): Promise<Reply<unknown> & { roundTrips: number }>;
}

/** The typed calls of `cloud`; a platform error (no reply at all) throws with the function's recent logs. */
export function callerOf(cloud: LocalCloud): Caller {
  const unchecked = async (
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
    return { ...(reply.result as Reply<unknown>), roundTrips: reply.stats.dbRoundTrips };
  };
  const call: Caller['call'] = async (fn, openid, action, ...[input]) =>
    (await unchecked(fn, openid, action, input as Record<string, unknown> | undefined)) as Reply<never> & {
      roundTrips: number;
    };
  return {
    call,
    ok: async (fn, openid, action, ...input) => {
      const r = await call(fn, openid, action, ...input);
      if (!r.ok)
        throw new Error(
          `${fn}.${action} as ${openid}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`,
        );
      return r.data;
    },
    unchecked,
  };
}

/** Fires a function's timer now (as its trigger would) and returns what the run reported; throws if it failed. */
export async function fireTimer<T = Record<string, unknown>>(
  cloud: LocalCloud,
  fn: FunctionName,
  trigger: string,
): Promise<T> {
  const out = await cloud.timers.fire(fn, trigger);
  if (!out.ok) throw new Error(`timer ${fn}.${trigger}: ${out.error.message}`);
  const reply = JSON.parse(out.resultJson) as Reply<T>;
  if (!reply.ok) throw new Error(`timer ${fn}.${trigger}: ${out.resultJson}`);
  return reply.data;
}

/** A started cloud with the demo community. */
export interface DemoCloud extends Caller {
  cloud: LocalCloud;
  seed: AccountSeed;
  /** The seed's summary (`{ full: true }`: seedDemo's, a line per capability, as `npm start` prints it). */
  summary: string;
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
  return {
    cloud,
    seed: template.account,
    summary: template.summary,
    ...callerOf(cloud),
    close: () => cloud.close(),
  };
}

/** One capability's line of a full demo's summary (`charity: 3 supermarkets, …` → `3 supermarkets, …`). */
export function partSummary(demo: DemoCloud, part: string): string {
  const line = demo.summary.split('\n').find((l) => l.trim().startsWith(`${part}: `));
  return line ? line.trim().slice(part.length + 2) : `no ${part} line in: ${demo.summary}`;
}

/**
 * `n` new people (`<prefix>-000`, `<prefix>-001`, …), each logged in and then set up by `setUp` (profile, roles),
 * `parallel` at a time; returns their openids in order.
 */
export async function newPeople(
  demo: DemoCloud,
  prefix: string,
  n: number,
  parallel: number,
  setUp: (openid: string, i: number) => Promise<unknown>,
): Promise<string[]> {
  const openids = Array.from({ length: n }, (_x, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  await mapLimited(openids, parallel, async (o, i) => {
    await demo.ok('account', o, 'login');
    await setUp(o, i);
  });
  return openids;
}
