import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { exportOpenMetrics, openMetricsTimestamp, registerMetricsRoute, renderMetricsText } from './exposition';
import { Tsdb } from './tsdb/tsdb';

function sample(): Tsdb {
  const db = new Tsdb();
  db.setMetadata('req_total', { type: 'counter', help: 'Requests\nserved.' });
  db.setMetadata('lat', { type: 'histogram', help: 'Latency.' });
  for (const [t, v] of [[1000, 1], [16_000, 4]] as const) {
    db.append({ __name__: 'req_total', path: '/a"b\\c' }, t, v);
    db.append({ __name__: 'lat_bucket', le: '10' }, t, v);
    db.append({ __name__: 'lat_bucket', le: '+Inf' }, t, v + 1);
    db.append({ __name__: 'lat_bucket', le: '5' }, t, v - 1);
    db.append({ __name__: 'lat_sum', le: '' }, t, v * 2.5);
    db.append({ __name__: 'lat_count' }, t, v + 1);
    db.append({ __name__: 'temp' }, t, -v);
  }
  db.append({ __name__: 'old' }, 1000, 1);
  db.getOrCreateSeries({ __name__: 'gone' }).append(1000, 1);
  db.getOrCreateSeries({ __name__: 'gone' }).markStale(2000);
  db.append({ __name__: 'far' }, 2_000_000, 7);
  return db;
}

describe('text exposition', () => {
  it('writes the current value of live series, grouped in families with HELP and TYPE', () => {
    const db = sample();
    db.append({ __name__: 'far' }, 2_000_000, 7);
    expect(renderMetricsText(db, { staleAfterMs: 10_000_000 })).toBe(
      [
        '# TYPE far untyped',
        'far 7',
        '# HELP lat Latency.',
        '# TYPE lat histogram',
        'lat_bucket{le="5"} 3',
        'lat_bucket{le="10"} 4',
        'lat_bucket{le="+Inf"} 5',
        'lat_sum 10',
        'lat_count 5',
        '# TYPE old untyped',
        'old 1',
        '# HELP req_total Requests\\nserved.',
        '# TYPE req_total counter',
        'req_total{path="/a\\"b\\\\c"} 4',
        '# TYPE temp untyped',
        'temp -4',
        '',
      ].join('\n'),
    );
  });

  it('leaves out series not updated within the staleness window', () => {
    expect(renderMetricsText(sample())).toBe('# TYPE far untyped\nfar 7\n');
  });

  it('is served at /metrics, with sample timestamps on request', async () => {
    const app = Fastify();
    registerMetricsRoute(app, { db: sample() });
    const response = await app.inject({ method: 'GET', url: '/metrics?timestamps=true' });
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.body).toBe('# TYPE far untyped\nfar 7 2000000\n');
    await app.close();
  });
});

describe('OpenMetrics history', () => {
  it('writes every sample with its timestamp in seconds and ends with # EOF', () => {
    const text = exportOpenMetrics(sample());
    expect(text).toContain('# TYPE req counter\nreq_total{path="/a\\"b\\\\c"} 1 1\nreq_total{path="/a\\"b\\\\c"} 4 16\n');
    expect(text).toContain('# TYPE lat histogram\nlat_bucket{le="5"} 0 1\nlat_bucket{le="5"} 3 16\nlat_bucket{le="10"} 1 1\n');
    // The staleness marker of "gone" has no OpenMetrics spelling and is left out.
    expect(text).toContain('# TYPE gone unknown\ngone 1 1\n# HELP lat');
    expect(text.endsWith('# EOF\n')).toBe(true);
  });

  it('spells millisecond timestamps so that seconds × 1000 truncates back to them', () => {
    for (const ms of [1_700_000_000_123, 1_795_614_840_123, 1_000, 1_700_000_000_001, 1_700_000_000_999]) {
      expect(Math.trunc(Number(openMetricsTimestamp(ms)) * 1000)).toBe(ms);
    }
  });

  it.skipIf(!existsSync('/usr/bin/promtool'))('is accepted by promtool tsdb create-blocks-from openmetrics', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'meshdeck-om-'));
    try {
      await writeFile(join(dir, 'in.om'), exportOpenMetrics(sample()));
      const { stdout } = await promisify(execFile)('/usr/bin/promtool', ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'in.om'), join(dir, 'out')]);
      // Seven series with two samples each, plus old, gone and far.
      expect(stdout).toMatch(/\s17\s+\d+\s+10\s+\d+\s*$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
