import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { tracePath } from '../../app/links';
import { formatMicros } from './duration';
import { niceScale, project } from './scatter-scale';
import type { TraceSummary } from './trace-summary';
import { useWidth } from './use-width';

const HEIGHT = 150;
const PAD = { left: 56, right: 14, top: 10, bottom: 22 };

function clockTime(micros: number): string {
  return new Date(micros / 1000).toLocaleTimeString('en-GB', { hour12: false });
}

/**
 * Trace durations over time (SVG: a search returns at most a few hundred traces), error traces in red;
 * a point opens its trace.
 */
export function DurationScatter({ summaries }: { summaries: readonly TraceSummary[] }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const navigate = useNavigate();
  const plotWidth = Math.max(0, width - PAD.left - PAD.right);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = niceScale(Math.min(...summaries.map((s) => s.start)), Math.max(...summaries.map((s) => s.start)), Math.max(2, Math.floor(plotWidth / 120)));
  const y = niceScale(0, Math.max(...summaries.map((s) => s.duration)) * 1.1, 3);
  const yScale = { min: 0, max: Math.max(y.max, y.ticks.at(-1) ?? 0) };

  return (
    <div className="trace-scatter" ref={box}>
      {width > 0 ? (
        <svg width={width} height={HEIGHT} role="group" aria-label="Trace durations over time">
          <g transform={`translate(${PAD.left},${PAD.top})`}>
            {y.ticks.map((tick) => {
              const top = plotHeight - project(yScale, tick, plotHeight);
              return (
                <g key={`y${tick}`} className="trace-scatter-grid">
                  <line x1={0} x2={plotWidth} y1={top} y2={top} />
                  <text x={-6} y={top} dy="0.32em" textAnchor="end">
                    {formatMicros(tick)}
                  </text>
                </g>
              );
            })}
            {x.ticks.map((tick) => (
              <text key={`x${tick}`} className="trace-scatter-label" x={project(x, tick, plotWidth)} y={plotHeight + 16} textAnchor="middle">
                {clockTime(tick)}
              </text>
            ))}
            {summaries.map((s) => (
              <circle
                key={s.traceId}
                className={s.errorSpans > 0 ? 'trace-dot is-error' : 'trace-dot'}
                cx={project(x, s.start, plotWidth)}
                cy={plotHeight - project(yScale, s.duration, plotHeight)}
                r={Math.min(9, 3 + Math.sqrt(s.spanCount) / 2)}
                role="link"
                aria-label={`Trace ${s.traceId.slice(0, 7)}: ${s.rootService} ${formatMicros(s.duration)}${s.errorSpans ? `, ${s.errorSpans} errors` : ''}`}
                onClick={() => void navigate(tracePath(s.traceId))}
              >
                <title>{`${s.rootService}: ${s.rootOperation}\n${formatMicros(s.duration)} · ${s.spanCount} spans${s.errorSpans ? ` · ${s.errorSpans} errors` : ''}\n${clockTime(s.start)}`}</title>
              </circle>
            ))}
          </g>
        </svg>
      ) : null}
    </div>
  );
}
