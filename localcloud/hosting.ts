/**
 * Static website hosting (CloudBase's 静态网站托管) on the local cloud: the files of one folder, served read-only at
 * the same paths as on the hosting domain (`/bigscreen/` → `<dir>/bigscreen/index.html`). GET and HEAD only; a
 * folder without its slash is redirected to it (so the page's relative links resolve); nothing outside the folder
 * is ever read. A path with no file falls through to the other routes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { HttpRoute } from './wire/server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The hosting route over `dir` (read at each request: a rebuild shows without a restart). */
export function hostingRoute(dir: string): HttpRoute {
  const root = resolve(dir);
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    const file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) return false;
    if (!existsSync(file)) return false;
    if (statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        res.end();
        return true;
      }
      return serve(join(file, 'index.html'), req.method, res);
    }
    return serve(file, req.method, res);
  };
}

function serve(file: string, method: string, res: Parameters<HttpRoute>[1]): boolean {
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const body = readFileSync(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(body.length),
    'cache-control': 'no-cache',
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}
