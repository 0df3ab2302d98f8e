import { durationParam, invalidParam, Params, timeParam } from './api-params';
import { jsonLabels, jsonQueryData, jsonString } from './api-json';
import { compareLabels, isValidLabelName, labelsKey, type Labels } from './labels';
import { unwrapParens } from './promql/ast';
import { assertRangeQueryType, DEFAULT_TIMEOUT_MS, instantQuery, rangeQuery, type EngineOptions } from './promql/engine';
import { ParseError } from './promql/errors';
import { parseQuery } from './promql/parse';
import type { LabelMatcher } from './tsdb/matcher';
import type { Tsdb } from './tsdb/tsdb';

export interface HandlerDeps {
  db: Tsdb;
  now: () => number;
  engine: EngineOptions;
}

/** Prometheus' cap on points per series in a range query. */
export const MAX_POINTS_PER_SERIES = 11_000;

function engineOptions(deps: HandlerDeps, params: Params): EngineOptions {
  const timeout = durationParam(params, 'timeout');
  const limit = deps.engine.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return { ...deps.engine, timeoutMs: timeout === undefined ? limit : Math.min(timeout, limit) };
}

/** Parse errors of the query are reported against the "query" parameter, as Prometheus does. */
function withQueryParam<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ParseError && !err.message.startsWith('invalid parameter')) throw invalidParam('query', err.message);
    throw err;
  }
}

export function handleQuery(deps: HandlerDeps, params: Params): string {
  const time = timeParam(params, 'time', deps.now());
  const options = engineOptions(deps, params);
  const query = params.get('query') ?? '';
  const expr = withQueryParam(() => parseQuery(query));
  return jsonQueryData(instantQuery(deps.db, expr, time, options));
}

export function handleQueryRange(deps: HandlerDeps, params: Params): string {
  const start = timeParam(params, 'start');
  const end = timeParam(params, 'end');
  if (end < start) throw new ParseError('end timestamp must not be before start time');
  const step = durationParam(params, 'step');
  if (step === undefined) throw invalidParam('step', 'cannot parse "" to a valid duration');
  if (step <= 0) throw new ParseError('zero or negative query resolution step widths are not accepted. Try a positive integer');
  if ((end - start) / step > MAX_POINTS_PER_SERIES) {
    throw new ParseError('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
  }
  const options = engineOptions(deps, params);
  const query = params.get('query') ?? '';
  const expr = withQueryParam(() => {
    const parsed = parseQuery(query);
    assertRangeQueryType(parsed);
    return parsed;
  });
  return jsonQueryData(rangeQuery(deps.db, expr, start, end, step, options));
}

/** The selectors of `match[]`; each must be a plain series selector. */
export function parseMatchers(texts: readonly string[]): LabelMatcher[][] {
  return texts.map((text) => {
    let expr;
    try {
      expr = unwrapParens(parseQuery(text));
    } catch (err) {
      if (err instanceof ParseError) throw invalidParam('match[]', err.message);
      throw err;
    }
    if (expr.kind !== 'vectorSelector' || expr.offsetMs !== 0 || expr.at !== null) {
      throw invalidParam('match[]', `1:1: parse error: expected a series selector, got ${JSON.stringify(text)}`);
    }
    return expr.matchers;
  });
}

function timeRange(params: Params): [number, number] {
  return [timeParam(params, 'start', -Infinity), timeParam(params, 'end', Infinity)];
}

export function handleSeries(deps: HandlerDeps, params: Params): string {
  const texts = params.all('match[]');
  if (texts.length === 0) throw new ParseError('no match[] parameter provided');
  const [start, end] = timeRange(params);
  const seen = new Map<string, Labels>();
  for (const matchers of parseMatchers(texts)) {
    for (const labels of deps.db.series(matchers, start, end)) seen.set(labelsKey(labels), labels);
  }
  const all = [...seen.values()].sort(compareLabels);
  return `[${all.map(jsonLabels).join(',')}]`;
}

export function handleLabels(deps: HandlerDeps, params: Params): string {
  const [start, end] = timeRange(params);
  const texts = params.all('match[]');
  const names = new Set<string>();
  if (texts.length === 0) for (const name of deps.db.labelNames(undefined, start, end)) names.add(name);
  for (const matchers of parseMatchers(texts)) for (const name of deps.db.labelNames(matchers, start, end)) names.add(name);
  return `[${[...names].sort().map(jsonString).join(',')}]`;
}

export function handleLabelValues(deps: HandlerDeps, name: string, params: Params): string {
  if (!isValidLabelName(name)) throw new ParseError(`invalid label name: ${JSON.stringify(name)}`);
  const [start, end] = timeRange(params);
  const texts = params.all('match[]');
  const values = new Set<string>();
  if (texts.length === 0) for (const value of deps.db.labelValues(name, undefined, start, end)) values.add(value);
  for (const matchers of parseMatchers(texts)) for (const value of deps.db.labelValues(name, matchers, start, end)) values.add(value);
  return `[${[...values].sort().map(jsonString).join(',')}]`;
}

export function handleMetadata(deps: HandlerDeps, params: Params): string {
  const only = params.get('metric');
  const limit = Number(params.get('limit') ?? '-1');
  const entries = deps.db
    .metadataEntries()
    .filter(([family]) => only === undefined || only === '' || family === only)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shown = limit >= 0 ? entries.slice(0, limit) : entries;
  const items = shown.map(
    ([family, m]) => `${jsonString(family)}:[{"type":${jsonString(m.type)},"help":${jsonString(m.help ?? '')},"unit":${jsonString(m.unit ?? '')}}]`,
  );
  return `{${items.join(',')}}`;
}
