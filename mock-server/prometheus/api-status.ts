import { jsonString } from './api-json';
import type { Tsdb } from './tsdb/tsdb';

/** The Prometheus version whose query semantics this server reproduces. */
export const EMULATED_VERSION = '2.42.0';

export function buildInfo(): string {
  const fields: Record<string, string> = {
    version: EMULATED_VERSION,
    revision: 'meshdeck-mock',
    branch: 'HEAD',
    buildUser: 'meshdeck',
    buildDate: '20230201-00:00:00',
    goVersion: 'go1.19.8',
  };
  return `{${Object.entries(fields)
    .map(([k, v]) => `${jsonString(k)}:${jsonString(v)}`)
    .join(',')}}`;
}

const DURATION_UNITS: [string, number][] = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Prometheus' model.Duration String(): "1h10m", "15d", "0s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of DURATION_UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

export function runtimeInfo(db: Tsdb, startedAt: Date): string {
  const start = startedAt.toISOString();
  return (
    `{"startTime":${jsonString(start)},"CWD":"/prometheus","reloadConfigSuccess":true,` +
    `"lastConfigTime":${jsonString(start.replace(/\.\d+Z$/, 'Z'))},"corruptionCount":0,"goroutineCount":1,` +
    `"GOMAXPROCS":1,"GOGC":"","GODEBUG":"","storageRetention":${jsonString(formatDuration(db.retentionMs))}}`
  );
}
