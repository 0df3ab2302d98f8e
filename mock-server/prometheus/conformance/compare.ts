/** Compares two Prometheus API responses: same status, same series, values equal within tolerance. */

type Point = [number, string];

interface ApiResponse {
  status: string;
  errorType?: string;
  error?: string;
  data?: { resultType: string; result: unknown };
}

interface SeriesResult {
  metric: Record<string, string>;
  value?: Point;
  values?: Point[];
}

const RELATIVE_TOLERANCE = 1e-9;
/** Below this, values count as equal whatever their ratio (float noise around zero). */
const ABSOLUTE_TOLERANCE = 1e-12;

export function valuesEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a.replace('Inf', 'Infinity'));
  const y = Number(b.replace('Inf', 'Infinity'));
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  const diff = Math.abs(x - y);
  return diff <= ABSOLUTE_TOLERANCE || diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

function seriesKey(metric: Record<string, string>): string {
  return JSON.stringify(Object.entries(metric).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function comparePoints(key: string, expected: Point[], actual: Point[], out: string[]): void {
  if (expected.length !== actual.length) {
    out.push(`${key}: ${actual.length} points, expected ${expected.length}`);
    return;
  }
  for (let i = 0; i < expected.length; i++) {
    const [et, ev] = expected[i] as Point;
    const [at, av] = actual[i] as Point;
    if (et !== at || !valuesEqual(ev, av)) {
      out.push(`${key}: point ${i} is [${at}, ${av}], expected [${et}, ${ev}]`);
      return;
    }
  }
}

/** Returns the differences of `actual` from `expected` (empty when they agree). */
export function compareResponses(expected: ApiResponse, actual: ApiResponse): string[] {
  const out: string[] = [];
  if (expected.status !== actual.status) {
    return [`status ${actual.status} (${actual.error ?? ''}), expected ${expected.status} (${expected.error ?? ''})`];
  }
  if (expected.status === 'error') {
    if (expected.errorType !== actual.errorType) out.push(`errorType ${actual.errorType}, expected ${expected.errorType}`);
    return out;
  }
  const e = expected.data as NonNullable<ApiResponse['data']>;
  const a = actual.data as NonNullable<ApiResponse['data']>;
  if (e.resultType !== a.resultType) return [`resultType ${a.resultType}, expected ${e.resultType}`];
  if (e.resultType === 'scalar' || e.resultType === 'string') {
    comparePoints('scalar', [e.result as Point], [a.result as Point], out);
    return out;
  }
  const index = (list: SeriesResult[]): Map<string, Point[]> =>
    new Map(list.map((s) => [seriesKey(s.metric), s.values ?? (s.value === undefined ? [] : [s.value])]));
  const want = index(e.result as SeriesResult[]);
  const got = index(a.result as SeriesResult[]);
  for (const [key, points] of want) {
    const mine = got.get(key);
    if (mine === undefined) out.push(`missing series ${key}`);
    else comparePoints(key, points, mine, out);
  }
  for (const key of got.keys()) if (!want.has(key)) out.push(`unexpected series ${key}`);
  return out;
}
