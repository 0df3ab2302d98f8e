import { usePromRange } from '../../../api/telemetry-clients';
import type { TimeWindow } from '../../../app/time-window';

const WIDTH = 240;
const HEIGHT = 36;

/** One small line chart of a PromQL range query over the window, with its latest value beside it. */
export function Sparkline({ title, promql, window, format }: { title: string; promql: string; window: TimeWindow; format: (value: number) => string }) {
  const result = usePromRange(promql, window);
  const series = result.data?.data ?? [];
  const points: { t: number; v: number }[] = [];
  for (const s of series) s.times.forEach((t, i) => Number.isFinite(s.values[i]) && points.push({ t, v: s.values[i] ?? 0 }));
  points.sort((a, b) => a.t - b.t);
  const start = window.start.getTime() / 1000;
  const end = window.end.getTime() / 1000;
  const max = Math.max(...points.map((p) => p.v), 0);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${(((p.t - start) / Math.max(1, end - start)) * WIDTH).toFixed(1)} ${(HEIGHT - 2 - (max > 0 ? (p.v / max) * (HEIGHT - 4) : 0)).toFixed(1)}`)
    .join('');
  const last = points[points.length - 1];
  return (
    <figure className="topology-sparkline" aria-label={title}>
      <figcaption>
        <span>{title}</span>
        <span className="topology-sparkline-value">
          {result.error ? <span className="danger-text">unavailable</span> : last ? format(last.v) : result.isLoading ? '…' : 'no data'}
        </span>
      </figcaption>
      <svg width="100%" height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden>
        {path ? <path d={path} className="topology-sparkline-line" /> : null}
      </svg>
    </figure>
  );
}
