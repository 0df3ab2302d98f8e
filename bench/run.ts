/**
 * `npm run bench`: measures the console bundle, the mock server at the 10,000-pod scale, and the
 * topology, metrics and trace screens in headless Chromium;
 * prints a table and writes bench-results.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { initialJsGzipKb } from './bundle';
import { benchMockServer } from './mock';
import { benchMetricsDashboard } from './metrics';
import { benchTelemetry } from './telemetry';
import { benchTopology } from './topology';
import { benchBigTrace } from './traces';

const root = path.resolve(import.meta.dirname, '..');
const figures: Record<string, number> = {};

await build({ root, logLevel: 'warn' });
figures['bundle.initialJsGzipKb'] = round(initialJsGzipKb(path.join(root, 'dist')));
Object.assign(figures, await benchMockServer());
Object.assign(figures, await benchTelemetry());
Object.assign(figures, await benchTopology());
Object.assign(figures, await benchMetricsDashboard());
Object.assign(figures, await benchBigTrace());

const width = Math.max(...Object.keys(figures).map((k) => k.length));
console.log(`\n${'figure'.padEnd(width)}  value`);
for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(width)}  ${value}`);
fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log('\nWrote bench-results.json');
process.exit(0);

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
