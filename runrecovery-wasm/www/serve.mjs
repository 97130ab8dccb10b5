// A static server for the demo on 127.0.0.1 (no dependencies):
//   /            runrecovery-wasm/www/ (index.html, app.mjs, series.mjs, style.css)
//   /pkg-web/    the browser build of the package (bash runrecovery-wasm/build.sh)
//   /data/       the bundled samples (runrecovery-core/data/*.json)
// Usage: node runrecovery-wasm/www/serve.mjs [port]   (default: a free port; prints the URL)
// As a module: `const { url, close } = await serve({ port: 0 })`.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const repoRoot = path.resolve(packageDir, '..');

/** URL prefix → directory. */
const ROOTS = [
  ['/pkg-web/', path.join(packageDir, 'pkg-web')],
  ['/data/', path.join(repoRoot, 'runrecovery-core', 'data')],
  ['/', here],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** The file a request path maps to, or null (never outside its root). */
function resolve(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  for (const [prefix, dir] of ROOTS) {
    if (!decoded.startsWith(prefix)) continue;
    const rel = decoded.slice(prefix.length) || 'index.html';
    const file = path.resolve(dir, rel);
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    return file;
  }
  return null;
}

function handle(req, res) {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolve(pathname);
  fs.stat(file ?? '', (err, st) => {
    if (err || !st.isFile()) {
      const hint = pathname.startsWith('/pkg-web/') ? ' (build it: bash runrecovery-wasm/build.sh)' : '';
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}${hint}\n`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': st.size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

/** Starts the server on 127.0.0.1; resolves to `{ url, port, close }`. */
export function serve({ port = 0, host = '127.0.0.1' } = {}) {
  const server = http.createServer(handle);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(packageDir, 'pkg-web', 'runrecovery_wasm.js'))) {
    console.error('pkg-web/ is missing: build it first with  bash runrecovery-wasm/build.sh');
    process.exit(1);
  }
  const { url } = await serve({ port: Number(process.argv[2] ?? 0) });
  console.log(`runrecovery demo: ${url}   (Ctrl-C stops it)`);
}
