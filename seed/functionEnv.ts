/**
 * The settings a deployment gives its functions (cloudfunctions/deploySettings.ts; README, deploy): the first
 * admin and the secrets behind check-in codes and recipients' confirmation codes. Locally: the demo's first admin
 * and fresh random secrets, unless the environment sets them.
 */
import { randomUUID } from 'node:crypto';
import { FUNCTION_SETTINGS } from '../cloudfunctions/deploySettings';

/** The setting that makes the demo district admin the first admin (a deploy-time setting in production). */
export const DEMO_BOOTSTRAP_ADMINS = 'demo-admin-jiangning@jn';

/** Secrets functions read from their environment; production sets each once per environment. */
export const FUNCTION_SECRETS = Object.values(FUNCTION_SETTINGS)
  .flat()
  .filter((s) => s.secret)
  .map((s) => s.name);

/** The functions' environment for a local cloud with the demo community. */
export function demoFunctionEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    MULIN_BOOTSTRAP_ADMINS: env.MULIN_BOOTSTRAP_ADMINS ?? DEMO_BOOTSTRAP_ADMINS,
    ...Object.fromEntries(FUNCTION_SECRETS.map((name) => [name, env[name] ?? randomUUID()])),
  };
}
