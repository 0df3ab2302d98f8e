/** Axis and tooltip formatting for the units of Istio's standard charts. */
import type { ChartUnit } from '../../../mesh/telemetry/dashboards';

export type ValueFormatter = (value: number) => string;

function trimmed(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

/** 1234 → "1.23k" (or 1024-based for bytes: 2048 → "2 Ki"). */
function scaled(value: number, base: 1000 | 1024, prefixes: readonly string[]): string {
  let n = value;
  let i = 0;
  while (Math.abs(n) >= base && i < prefixes.length - 1) {
    n /= base;
    i += 1;
  }
  return `${trimmed(n)}${prefixes[i]}`;
}

const DECIMAL = ['', 'k', 'M', 'G', 'T'];
const BINARY = [' B', ' KiB', ' MiB', ' GiB', ' TiB'];

export function unitFormatter(unit: ChartUnit): ValueFormatter {
  switch (unit) {
    case 'rps':
      return (v) => `${scaled(v, 1000, DECIMAL)} rps`;
    case 'percent':
      return (v) => `${trimmed(v)}%`;
    case 'ms':
      return (v) => (Math.abs(v) >= 1000 ? `${trimmed(v / 1000)} s` : `${trimmed(v)} ms`);
    case 'bytes':
      return (v) => scaled(v, 1024, BINARY);
    case 'Bps':
      return (v) => `${scaled(v, 1024, BINARY)}/s`;
    case 'cps':
      return (v) => `${scaled(v, 1000, DECIMAL)}/s`;
  }
}
