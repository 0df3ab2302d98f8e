/** How the graph writes its figures: edge labels, panel facts, tooltips. */
import type { Health, TopologyEdge } from '../../../../mesh/topology/model';

export type EdgeLabelMode = 'none' | 'rps' | 'errors' | 'p95' | 'throughput';
export const EDGE_LABEL_MODES: readonly { value: EdgeLabelMode; label: string }[] = [
  { value: 'none', label: 'No edge labels' },
  { value: 'rps', label: 'Request rate' },
  { value: 'errors', label: 'Error %' },
  { value: 'p95', label: 'p95 latency' },
  { value: 'throughput', label: 'Throughput' },
];

export function formatRps(rps: number): string {
  if (rps === 0) return '0 rps';
  if (rps < 0.01) return '<0.01 rps';
  if (rps < 10) return `${rps.toFixed(2)} rps`;
  if (rps < 1000) return `${rps.toFixed(1)} rps`;
  return `${(rps / 1000).toFixed(1)}k rps`;
}

export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  if (percent === 0) return '0%';
  if (percent < 0.1) return '<0.1%';
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatBytesPerSecond(bps: number): string {
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let value = bps;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The text an edge shows in the chosen mode; '' when it has nothing to say (no label drawn). */
export function edgeLabelText(edge: TopologyEdge, mode: EdgeLabelMode): string {
  switch (mode) {
    case 'none':
      return '';
    case 'rps':
      return edge.protocol === 'tcp' ? formatBytesPerSecond(edge.throughputBps) : formatRps(edge.rps);
    case 'errors':
      return edge.protocol === 'tcp' ? '' : formatPercent(edge.errorRatio);
    case 'p95':
      return formatMs(edge.latency.p95Ms);
    case 'throughput':
      return formatBytesPerSecond(edge.throughputBps);
  }
}

/** Health as a word for people (panel, tooltips, the SVG export's titles). */
export const HEALTH_TEXT: Record<Health, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded: some requests fail',
  failure: 'Failing: ≥ 10 % server errors or ≥ 20 % client errors',
  idle: 'Idle (no traffic in the window)',
  unknown: 'Health unknown',
};

/** The CSS colour for a health state; the SVG export resolves the same variables. */
export const HEALTH_COLOR_VAR: Record<Health, string> = {
  healthy: 'var(--ok)',
  degraded: 'var(--warn)',
  failure: 'var(--danger)',
  idle: 'var(--fg-subtle)',
  unknown: 'var(--border-strong)',
};

/** Edge stroke width grows with the log of the rate, so one hot edge does not dwarf the rest. */
export function edgeWidth(rps: number): number {
  if (!(rps > 0)) return 1;
  return Math.min(6, 1.25 + Math.log10(1 + rps * 10) * 1.1);
}
