// Serves the sample SPA on loopback only, with no dependencies: node samples/spa/serve.mjs [--port 5173] [--api http://localhost:7071]
// (or SPA_PORT / FUNCAUTH_API). The page's origin is http://localhost:<port>; the API must allow it (CORS with
// credentials, Auth__AllowedOrigins) — scripts/run --spa and local.settings.sample.json do that for 5173.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const port = Number(option('port', process.env.SPA_PORT || 5173));
const api = option('api', process.env.FUNCAUTH_API || 'http://localhost:7071').replace(/\/+$/, '');
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`serve: --port ${port} is not a port`);
if (new URL(api).origin !== api) throw new Error(`serve: --api ${api} is not an origin (scheme://host[:port])`);

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
// A fixed list, so no request path ever reaches the file system.
const files = {
  '/': [here('index.html'), 'text/html'],
  '/index.html': [here('index.html'), 'text/html'],
  '/app.js': [here('app.js'), 'text/javascript'],
  '/app.css': [here('app.css'), 'text/css'],
  '/funcauth.js': [here('../../clients/browser/funcauth.js'), 'text/javascript'],
};
const config = JSON.stringify({ apiBaseUrl: api });
const headers = {
  // The page may talk to itself and the API only; no inline script, no framing.
  'Content-Security-Policy': `default-src 'self'; connect-src 'self' ${api}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

const server = createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  try {
    const [body, type] = path === '/config.json'
      ? [config, 'application/json']
      : files[path] ? [await readFile(files[path][0]), files[path][1]] : [null];
    response.writeHead(body === null ? 404 : 200, { ...headers, 'Content-Type': `${type || 'text/plain'}; charset=utf-8` });
    response.end(request.method === 'HEAD' ? undefined : body ?? 'not found');
  } catch {
    response.writeHead(500, headers).end();
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log(`SPA ready on http://localhost:${server.address().port} (API ${api})`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
