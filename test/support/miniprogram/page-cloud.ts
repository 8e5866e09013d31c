/**
 * The demo community for page tests: the local cloud runs in this jest process (jsdom project), the functions
 * are the built bundles, and the page's `wx.cloud` calls reach them through the gateway as a chosen demo user.
 *
 *     let demo: DemoCloud;
 *     beforeAll(async () => (demo = await startPageCloud('demo-resident-wang')));
 *     afterAll(() => demo.close());
 *
 * Needs the functions built first (`npx tsx scripts/build.ts account`).
 */
import { startDemoCloud, type DemoCloud } from '../demo';
import { asUser } from '../../../simulator/page';

export type { DemoCloud };

type SessionModule = typeof import('../../../miniprogram/lib/session');

/**
 * Starts the demo cloud, points the `wx.cloud` bridge at it, and makes later calls as `openid`. `full` seeds every
 * capability's demo data (pages that show several capabilities at once).
 */
export async function startPageCloud(openid?: string, options: { full?: boolean } = {}): Promise<DemoCloud> {
  const demo = await startDemoCloud(options);
  globalThis.__mulinCloud = { gatewayUrl: demo.cloud.baseUrl, user: openid };
  return demo;
}

/**
 * Becomes another user, as if that person opened the app: later calls go as `openid` and the mini program's
 * logged-in user is forgotten, so the next page logs in again.
 */
export function switchUser(openid: string): void {
  asUser(openid);
  // Required at call time: after jest.resetModules() (a test's "relaunch") pages use a fresh module instance.
  const session = jest.requireActual<SessionModule>('../../../miniprogram/lib/session');
  session.resetSession();
}
