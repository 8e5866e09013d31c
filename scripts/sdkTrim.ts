/**
 * What of wx-server-sdk each function's bundle leaves out. The SDK is bundled into every function (one file loads
 * in about half the time of the SDK's ~400 installed files, which was most of a cold start); these parts of it are
 * never called by our functions, so each is replaced by a module that fails loudly if something ever does:
 * - `@cloudbase/ai` and @cloudbase/node-sdk's `./ai` (`app.ai()`, with its web-streams polyfill);
 * - `@cloudbase/wx-cloud-client-sdk` (data models and MySQL; node-sdk's init guards them with a try/catch);
 * - `jsonwebtoken` (`auth().createTicket`, custom login tickets).
 * And `mime-db` (the media-type table, 150 KB twice) keeps only the types our functions upload or check, taken
 * from the real table at build time.
 */
import type { Plugin } from 'esbuild';
import { join } from 'node:path';

/** Modules replaced by a loud stub: the package name, or a relative import and the package it is inside. */
const LEFT_OUT: { path: string; inside?: string }[] = [
  { path: '@cloudbase/ai' },
  { path: './ai', inside: '/@cloudbase/node-sdk/dist/' },
  { path: '@cloudbase/wx-cloud-client-sdk' },
  { path: 'jsonwebtoken' },
];

/** Media types kept from mime-db: images checked and uploaded, exports (CSV, JSON, HTML, PDF, spreadsheets). */
export const KEPT_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'text/csv',
  'text/plain',
  'text/html',
  'application/json',
  'application/pdf',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'audio/mpeg',
  'video/mp4',
];

const stub = (what: string) =>
  `module.exports = new Proxy({}, { get(_, key) {
  if (key === '__esModule' || typeof key === 'symbol') return undefined;
  throw new Error(${JSON.stringify(what)} + ' is left out of this function bundle (scripts/sdkTrim.ts): ' + String(key));
} });`;

/** The esbuild plugin that leaves those parts out. */
export function trimSdk(root: string): Plugin {
  return {
    name: 'trim-wx-server-sdk',
    setup(b) {
      b.onResolve(
        { filter: /^(@cloudbase\/ai|\.\/ai|@cloudbase\/wx-cloud-client-sdk|jsonwebtoken)$/ },
        (a) => {
          const hit = LEFT_OUT.find(
            (m) => m.path === a.path && (!m.inside || a.importer.replace(/\\/g, '/').includes(m.inside)),
          );
          return hit ? { path: a.path, namespace: 'sdk-left-out' } : undefined;
        },
      );
      b.onLoad({ filter: /.*/, namespace: 'sdk-left-out' }, (a) => ({
        contents: stub(a.path),
        loader: 'js',
      }));
      b.onResolve({ filter: /^mime-db$/ }, () => ({ path: 'mime-db', namespace: 'sdk-mime-db' }));
      b.onLoad({ filter: /.*/, namespace: 'sdk-mime-db' }, () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const db = require(join(root, 'node_modules', 'mime-db')) as Record<string, unknown>;
        const kept = Object.fromEntries(KEPT_MEDIA_TYPES.filter((t) => db[t]).map((t) => [t, db[t]]));
        return { contents: `module.exports = ${JSON.stringify(kept)};`, loader: 'js' };
      });
    },
  };
}
