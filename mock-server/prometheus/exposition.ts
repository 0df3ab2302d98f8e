import type { FastifyInstance } from 'fastify';
import { groupByFamily, type Family } from './families';
import { METRIC_NAME, type Labels } from './labels';
import { formatFloat } from './promql/format';
import type { SamplePoint } from './tsdb/samples';
import type { MemSeries } from './tsdb/series';
import type { Tsdb } from './tsdb/tsdb';

export interface TextExpositionOptions {
  /** Series whose newest sample is older than this (relative to the newest sample in the database) are left out. Default 5 minutes. */
  staleAfterMs?: number;
  /** Append each sample's own timestamp (milliseconds), so a scraper stores the exact times. */
  timestamps?: boolean;
}

/** Escapes a label value for the text and OpenMetrics formats. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** `name{a="b",c="d"}` with the metric name taken out of the label set. */
export function formatSeriesName(labels: Labels): string {
  let name = '';
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i += 2) {
    const label = labels[i] as string;
    const value = labels[i + 1] as string;
    if (label === METRIC_NAME) name = value;
    else pairs.push(`${label}="${escapeLabelValue(value)}"`);
  }
  return pairs.length === 0 ? name : `${name}{${pairs.join(',')}}`;
}

function familyHeader(family: Family, typeName: string): string {
  let out = '';
  if (family.metadata?.help !== undefined) out += `# HELP ${family.name} ${escapeHelp(family.metadata.help)}\n`;
  out += `# TYPE ${family.name} ${typeName}\n`;
  return out;
}

/**
 * The current value of every live series in the Prometheus text format (version 0.0.4):
 * families sorted by name, HELP/TYPE where the metadata is known, series in label order.
 */
export function renderMetricsText(db: Tsdb, options: TextExpositionOptions = {}): string {
  const staleAfter = options.staleAfterMs ?? 5 * 60_000;
  const cutoff = db.headTime - staleAfter;
  const point: SamplePoint = { t: 0, v: 0 };
  const current: { labels: Labels; t: number; v: number }[] = [];
  for (const series of db.allSeries()) {
    if (series.sampleAtOrBefore(Infinity, cutoff, point)) current.push({ labels: series.labels, t: point.t, v: point.v });
  }
  let out = '';
  for (const { family, series } of groupByFamily(db, current)) {
    out += familyHeader(family, family.metadata?.type ?? 'untyped');
    for (const s of series) {
      out += `${formatSeriesName(s.labels)} ${formatFloat(s.v)}${options.timestamps === true ? ` ${s.t}` : ''}\n`;
    }
  }
  return out;
}

/** Serves `GET <path>` (default /metrics) with the text exposition of `db`. */
export function registerMetricsRoute(app: FastifyInstance, options: { db: Tsdb; path?: string }): void {
  app.get(options.path ?? '/metrics', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const timestamps = query.timestamps === 'true' || query.timestamps === '1';
    return reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8').send(renderMetricsText(options.db, { timestamps }));
  });
}

/** OpenMetrics timestamps are seconds; this spelling survives Prometheus' `int64(seconds * 1000)`. */
export function openMetricsTimestamp(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const fraction = ms - whole * 1000;
  if (fraction === 0) return String(whole);
  const text = `${whole}.${String(fraction).padStart(3, '0')}`;
  for (const nudge of ['', '0001', '0005', '001']) {
    if (Math.trunc(Number(text + nudge) * 1000) === ms) return text + nudge;
  }
  return text;
}

/** The OpenMetrics family name and type for a text-format family. */
function openMetricsFamily(family: Family): { name: string; type: string } {
  const type = family.metadata?.type ?? 'unknown';
  if (type === 'counter') {
    // OpenMetrics names a counter family without its `_total` suffix, and requires the suffix.
    return family.name.endsWith('_total') ? { name: family.name.slice(0, -6), type } : { name: family.name, type: 'unknown' };
  }
  return { name: family.name, type };
}

/**
 * The whole stored history in the OpenMetrics text format, one family after another, each
 * series' samples in time order, ending with `# EOF` — the input `promtool tsdb
 * create-blocks-from openmetrics` expects. Yields pieces so a large database can be streamed.
 */
export function* openMetricsHistory(db: Tsdb): Generator<string> {
  for (const { family, series } of groupByFamily(db, db.allSeries())) {
    const om = openMetricsFamily(family);
    yield familyHeader({ name: om.name, metadata: family.metadata }, om.type);
    for (const s of series) yield seriesHistory(s);
  }
  yield '# EOF\n';
}

function seriesHistory(series: MemSeries): string {
  const name = formatSeriesName(series.labels);
  let out = '';
  series.forEachSample((t, v) => {
    out += `${name} ${formatFloat(v)} ${openMetricsTimestamp(t)}\n`;
  });
  return out;
}

export function exportOpenMetrics(db: Tsdb): string {
  let out = '';
  for (const piece of openMetricsHistory(db)) out += piece;
  return out;
}
