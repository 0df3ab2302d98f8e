import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const SOURCES = ['web', 'mesh', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Builds the console into `distDir` unless the build there is newer than every source file. */
export async function buildConsoleIfNeeded(root: string, distDir: string): Promise<'built' | 'up-to-date'> {
  const builtAt = newestMtime(path.join(distDir, 'index.html'));
  const changedAt = Math.max(...SOURCES.map((entry) => newestMtime(path.join(root, entry))));
  if (builtAt > changedAt) return 'up-to-date';
  await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  return 'built';
}
