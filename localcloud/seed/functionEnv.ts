/**
 * The settings a deployment gives its functions (see README, deploy): the first admin and the secrets behind
 * check-in codes and recipients' confirmation codes. Locally: the demo's first admin and fresh random secrets,
 * unless the environment sets them. test/cloud/deploySettings.test.ts keeps this list in step with the functions.
 */
import { randomUUID } from 'node:crypto';

/** The setting that makes the demo district admin the first admin (a deploy-time setting in production). */
export const DEMO_BOOTSTRAP_ADMINS = 'demo-admin-jiangning@jn';

/** Secrets functions read from their environment; production sets each once per environment. */
export const FUNCTION_SECRETS = ['MULIN_CHECKIN_SECRET', 'MULIN_CHARITY_SECRET'] as const;

/** The functions' environment for a local cloud with the demo community. */
export function demoFunctionEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    MULIN_BOOTSTRAP_ADMINS: env.MULIN_BOOTSTRAP_ADMINS ?? DEMO_BOOTSTRAP_ADMINS,
    ...Object.fromEntries(FUNCTION_SECRETS.map((name) => [name, env[name] ?? randomUUID()])),
  };
}
