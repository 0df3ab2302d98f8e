/**
 * `npm run bench`: measures the console bundle and the mock server at the 10,000-pod scale,
 * prints a table and writes bench-results.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { initialJsGzipKb } from './bundle';
import { benchMockServer } from './mock';
import { benchTelemetry } from './telemetry';

const root = path.resolve(import.meta.dirname, '..');
const figures: Record<string, number> = {};

await build({ root, logLevel: 'warn' });
figures['bundle.initialJsGzipKb'] = round(initialJsGzipKb(path.join(root, 'dist')));
Object.assign(figures, await benchMockServer());
Object.assign(figures, await benchTelemetry());

const width = Math.max(...Object.keys(figures).map((k) => k.length));
console.log(`\n${'figure'.padEnd(width)}  value`);
for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(width)}  ${value}`);
fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log('\nWrote bench-results.json');
process.exit(0);

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
