// A static server as a host configured per the README serves dist/: each file's Brotli (.br) or
// gzip (.gz) copy when the browser accepts it (nginx gzip_static/brotli_static, Caddy
// precompressed), with the right Content-Type (application/wasm streams). For the throttled
// first-load measurement, which must fetch what a phone would.
//   node static-server.mjs DIR PORT
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

export function serve(dir, port) {
  return createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(path.resolve(dir)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache' };
    let body = file;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (accept.includes(enc) && existsSync(file + ext)) {
        headers['Content-Encoding'] = enc;
        body = file + ext;
        break;
      }
    }
    res.writeHead(200, headers).end(readFileSync(body));
  }).listen(port, '127.0.0.1');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [dir, port] = process.argv.slice(2);
  serve(path.resolve(dir), Number(port));
  console.log(`static-server.mjs: ${dir} on http://127.0.0.1:${port}/ (precompressed copies served)`);
}
