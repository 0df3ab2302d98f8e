import { Link } from 'react-router';
import { tracePath } from '../../app/links';
import { Badge, Select } from '../../ui';
import { formatMicros } from './duration';
import { ServiceChips } from './ServiceChips';
import type { TraceSort, TraceSummary } from './trace-summary';

const SORT_OPTIONS = [
  { value: 'recent', label: 'Most recent' },
  { value: 'longest', label: 'Longest first' },
  { value: 'spans', label: 'Most spans' },
] as const;

function startTime(micros: number): string {
  const date = new Date(micros / 1000);
  return `${date.toLocaleDateString('en-CA')} ${date.toLocaleTimeString('en-GB', { hour12: false })}`;
}

export function TraceResults({
  summaries,
  sort,
  onSortChange,
}: {
  summaries: readonly TraceSummary[];
  sort: TraceSort;
  onSortChange: (sort: TraceSort) => void;
}) {
  const longest = Math.max(1, ...summaries.map((s) => s.duration));
  return (
    <section className="trace-results" aria-label="Search results">
      <div className="trace-results-bar">
        <span className="muted">{summaries.length === 1 ? '1 trace' : `${summaries.length} traces`}</span>
        <Select label="Sort traces" value={sort} options={SORT_OPTIONS} onChange={onSortChange} />
      </div>
      <ol className="trace-result-list" aria-label="Traces">
        {summaries.map((s) => (
          <li key={s.traceId}>
            <Link className="trace-result" to={tracePath(s.traceId)}>
              <div className="trace-result-head">
                <span className="trace-result-title">
                  <span className="trace-result-service">{s.rootService}</span>: {s.rootOperation}
                </span>
                <span className="trace-result-id mono">{s.traceId.slice(0, 7)}</span>
                <span className="trace-result-duration">{formatMicros(s.duration)}</span>
              </div>
              <div className="trace-result-track" aria-hidden>
                <div className={s.errorSpans ? 'trace-result-fill is-error' : 'trace-result-fill'} style={{ width: `${(s.duration / longest) * 100}%` }} />
              </div>
              <div className="trace-result-meta">
                <span>{s.spanCount === 1 ? '1 span' : `${s.spanCount} spans`}</span>
                {s.errorSpans ? <Badge tone="danger">{s.errorSpans === 1 ? '1 error' : `${s.errorSpans} errors`}</Badge> : null}
                <ServiceChips services={s.services} />
                <span className="trace-result-start subtle">{startTime(s.start)}</span>
              </div>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
