/**
 * Where a deploy goes and with which credentials, all from the deployer's environment (never the repository):
 *
 * - a CloudBase environment: TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (TENCENTCLOUD_SESSIONTOKEN with
 *   temporary keys), CLOUDBASE_ENV_ID (or `--env`), TENCENTCLOUD_REGION (or `--region`, default ap-shanghai);
 * - the local cloud (`--local [url]`, default http://127.0.0.1:$LOCALCLOUD_PORT or 8787): its key pair
 *   LOCALCLOUD_SECRETID / LOCALCLOUD_SECRETKEY (default `local`/`local`, not secrets), environment mulin-local
 *   (localcloud.json).
 *   The management library is given the local cloud as its proxy and trusts the local cloud's authority through
 *   NODE_EXTRA_CA_CERTS (localcloud/manage/tlsProxy.ts).
 */
import { PROJECT_CLOUD } from '../../seed/projectCloud';

/** A resolved target. */
export interface DeployTarget {
  kind: 'cloud' | 'local';
  envId: string;
  region: string;
  secretId: string;
  secretKey: string;
  token?: string;
  /** The local cloud's base URL (its proxy), for `local`. */
  localUrl?: string;
  /** How the target is named in the plan. */
  label: string;
}

/** The target, or what is missing to reach it. */
export type TargetResult =
  { ok: true; target: DeployTarget } | { ok: false; missing: string[]; label: string };

/** The local environment's name: the one the project's local cloud answers as (localcloud.json `env`). */
export const LOCAL_ENV_ID = PROJECT_CLOUD.envName!;

/** Resolves the target from the flags and the environment. */
export function resolveTarget(
  flags: { local?: string | true; env?: string; region?: string },
  env: NodeJS.ProcessEnv,
): TargetResult {
  const region = flags.region ?? env.TENCENTCLOUD_REGION ?? 'ap-shanghai';
  if (flags.local !== undefined) {
    const url = (
      flags.local === true ? `http://127.0.0.1:${env.LOCALCLOUD_PORT ?? 8787}` : flags.local
    ).replace(/\/$/, '');
    const envId = flags.env ?? LOCAL_ENV_ID;
    return {
      ok: true,
      target: {
        kind: 'local',
        envId,
        region,
        secretId: env.LOCALCLOUD_SECRETID ?? 'local',
        secretKey: env.LOCALCLOUD_SECRETKEY ?? 'local',
        localUrl: url,
        label: `the local cloud at ${url} (environment ${envId})`,
      },
    };
  }
  const envId = flags.env ?? env.CLOUDBASE_ENV_ID;
  const missing = [
    ...(env.TENCENTCLOUD_SECRETID ? [] : ['TENCENTCLOUD_SECRETID']),
    ...(env.TENCENTCLOUD_SECRETKEY ? [] : ['TENCENTCLOUD_SECRETKEY']),
    ...(envId ? [] : ['CLOUDBASE_ENV_ID (or --env <id>)']),
  ];
  const label = `CloudBase environment ${envId ?? '(not set)'} in ${region}`;
  if (missing.length > 0) return { ok: false, missing, label };
  return {
    ok: true,
    target: {
      kind: 'cloud',
      envId: envId!,
      region,
      secretId: env.TENCENTCLOUD_SECRETID!,
      secretKey: env.TENCENTCLOUD_SECRETKEY!,
      token: env.TENCENTCLOUD_SESSIONTOKEN || undefined,
      label,
    },
  };
}
