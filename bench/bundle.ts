import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Gzip size (KB) of the JavaScript the first page load fetches: entry scripts and their modulepreloads. */
export function initialJsGzipKb(distDir: string): number {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = new Set([...scripts, ...preloads].filter((f): f is string => f !== undefined));
  let bytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(distDir, file.replace(/^\//, '')));
    bytes += zlib.gzipSync(content, { level: 9 }).length;
  }
  return bytes / 1024;
}
