import Fastify from 'fastify';
import { registerPrometheusApi } from './mock-server/prometheus/api';
import { exportOpenMetrics } from './mock-server/prometheus/exposition';
import { buildSyntheticHistory } from './mock-server/prometheus/conformance/synthetic-history';
import { CONFORMANCE_QUERIES, CONFORMANCE_ERROR_QUERIES } from './mock-server/prometheus/conformance/queries';
import { startRealPrometheus } from './mock-server/prometheus/conformance/real-prometheus';
import { compareResponses } from './mock-server/prometheus/conformance/compare';

const h = buildSyntheticHistory({ endMs: Date.now() - 60_000 });
const om = exportOpenMetrics(h.db);
const prom = await startRealPrometheus(om);
const app = Fastify();
registerPrometheusApi(app, { db: h.db });
await app.ready();
const only = process.argv[2];
let ok = 0, bad = 0;
const first = h.db.allSeries()[0]!;
let boundary = 0; first.forEachSample((t) => { if (boundary === 0 && t > h.startMs + 600_000) boundary = t + 60_000; });
const instants = [h.endMs, h.endMs - 423_500, h.startMs + 90_000, boundary];
const ranges: [number, number, number][] = [[h.startMs, h.endMs, 60_000], [h.endMs - 1_200_000, h.endMs, 15_000], [h.startMs + 300_300, h.endMs, 37_000]];
const extra = process.env.Q ? process.env.Q.split('|||') : null;
for (const q of extra ?? [...CONFORMANCE_QUERIES, ...CONFORMANCE_ERROR_QUERIES]) {
  if (only && !q.includes(only)) continue;
  const cases: string[] = [
    ...instants.map((t) => `/api/v1/query?query=${encodeURIComponent(q)}&time=${t / 1000}`),
    ...ranges.map(([s, e, st]) => `/api/v1/query_range?query=${encodeURIComponent(q)}&start=${s / 1000}&end=${e / 1000}&step=${st / 1000}`),
  ];
  for (const path of cases) {
    const real = await (await fetch(prom.url + path)).json();
    const mine = JSON.parse((await app.inject({ method: 'GET', url: path })).body);
    const diffs = compareResponses(real, mine);
    if (process.env.S) console.log(q.slice(0,50), path.includes("range")?"R":"I", real.status, JSON.stringify(real.data?.result ?? real.error).length, real.data?.result?.length);
    if (diffs.length === 0) ok++; else { bad++; console.log('MISMATCH', q, path.includes('range') ? 'range' : 'instant', path.slice(-40)); console.log('  ' + diffs.slice(0, 4).join('\n  ')); if (process.env.V) { console.log(JSON.stringify(real).slice(0, 1500)); console.log(JSON.stringify(mine).slice(0, 1500)); } }
  }
}
console.log({ ok, bad });
await prom.stop();
await app.close();
