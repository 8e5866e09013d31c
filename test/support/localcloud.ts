/**
 * Test helpers for the cloud side: an in-memory local cloud per test file, the real wx-server-sdk pointed at it
 * from the test process, and calls to functions as named users through the gateway path.
 */
import type { LocalCloud, LocalCloudOptions } from '../../localcloud/cloud';
import type { GatewayReply } from '../../localcloud/gateway';
import { startProjectCloud, TEST_FUNCTION_TIMEOUT_S } from '../../seed/projectCloud';

export type { LocalCloud };

/**
 * Starts an in-memory local cloud on a free port with the project's settings (localcloud.json: functions from
 * build/cloudfunctions, cloudfunctions/database.json, environment mulin-local) unless told otherwise.
 */
export function startTestCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  return startProjectCloud({ minFunctionTimeoutSeconds: TEST_FUNCTION_TIMEOUT_S, ...options });
}

/** The subset of wx-server-sdk the tests use, typed loosely on purpose: the SDK ships no precise types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WxServerSdk = any;

/** Where a cloud answers the SDK: an in-process cloud, or one in another process (its printed endpoint). */
export type SdkTarget = Pick<LocalCloud, 'envName' | 'wireUrl'>;

/**
 * Points the real wx-server-sdk in this test process at `cloud` (the redirect variables of
 * shared/reference/CLOUDBASE-WIRE.md) and returns it initialised, as a cloud function would have it.
 */
export function connectSdk(cloud: SdkTarget): WxServerSdk {
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: cloud.envName,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloud.wireUrl }),
    SILENCE: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as WxServerSdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  return sdk;
}

/**
 * The same cloud through @cloudbase/node-sdk (the package wx-server-sdk pins and wraps), for what wx-server-sdk
 * does not expose or rewraps: `db.ObjectId`, error `code`s of document calls inside transactions.
 */
export function connectNodeSdk(cloud: SdkTarget): WxServerSdk {
  connectSdk(cloud);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk') as WxServerSdk;
  return tcb.init({ env: cloud.envName });
}

/** A function's reply when it succeeded; throws with the platform error otherwise. */
export function resultOf<T = unknown>(reply: GatewayReply): T {
  if ('error' in reply) throw new Error(`function failed: ${reply.error.errMsg}`);
  return reply.result as T;
}
