import { buildBenchDb } from './mock-server/prometheus/bench';
const n = Number(process.argv[2] ?? 100000);
const t = performance.now();
buildBenchDb({ series: n, samplesPerSeries: Number(process.argv[3] ?? 240) });
console.log(n, 'build ms', Math.round(performance.now() - t));
