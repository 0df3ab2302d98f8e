import { memo } from 'react';
import { Link } from 'react-router';
import { RESPONSE_FLAGS } from '../../../mesh/telemetry/response-flags';
import { tracesPath } from '../../app/links';
import { statusClassOf } from './log-filter';
import type { LogRow } from './log-rows';

/** Around the request, wide enough for its trace to be found. */
const TRACE_SEARCH_MARGIN_MS = 5 * 60_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "14:03:27.290", local time; the full date is in the tooltip. */
export function formatLogTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function flagMeaning(flag: string): string {
  return (RESPONSE_FLAGS as Readonly<Record<string, string>>)[flag] ?? 'Envoy response flag';
}

export function requestIdTracesPath(requestId: string, atMs: number): string {
  return tracesPath({
    tags: { 'guid:x-request-id': requestId },
    start: new Date(atMs - TRACE_SEARCH_MARGIN_MS),
    end: new Date(atMs + TRACE_SEARCH_MARGIN_MS),
  });
}

const STATUS_TONE = { '2xx': 'ok', '3xx': 'info', '4xx': 'warn', '5xx': 'danger' } as const;

export interface LogRowViewProps {
  readonly row: LogRow;
  readonly podLabel: string;
  readonly top: number;
  readonly index: number;
}

export const LogRowView = memo(function LogRowView({ row, podLabel, top, index }: LogRowViewProps) {
  const { entry, raw } = row.line;
  const time = (
    <span role="gridcell" className="log-time" title={new Date(row.timeMs).toLocaleString()}>
      {formatLogTime(row.timeMs)}
    </span>
  );
  const pod = (
    <span role="gridcell" className="log-pod" title={row.pod}>
      {podLabel}
    </span>
  );
  const style = { transform: `translateY(${top}px)` };
  if (!entry) {
    return (
      <div role="row" aria-rowindex={index + 2} className="log-row is-raw" style={style}>
        {time}
        {pod}
        <span role="gridcell" className="log-raw" title={raw}>
          {raw}
        </span>
      </div>
    );
  }
  const cls = statusClassOf(entry.code);
  return (
    <div role="row" aria-rowindex={index + 2} className="log-row" style={style} title={raw}>
      {time}
      {pod}
      <span role="gridcell" className="log-dir" title={row.direction ? `${row.direction} request` : undefined}>
        {row.direction === 'inbound' ? 'in' : row.direction === 'outbound' ? 'out' : ''}
      </span>
      <span role="gridcell" className="log-method">
        {entry.method ?? ''}
      </span>
      <span role="gridcell" className="log-path">
        {entry.path ?? ''}
        {entry.authority ? <span className="log-authority"> {entry.authority}</span> : null}
      </span>
      <span role="gridcell" className={`log-status${cls ? ` tone-${STATUS_TONE[cls]}` : ''}`} title={entry.details}>
        {entry.code || '—'}
      </span>
      <span role="gridcell" className="log-flags">
        {entry.flags.map((flag) => (
          <abbr key={flag} className="log-flag" title={flagMeaning(flag)}>
            {flag}
          </abbr>
        ))}
      </span>
      <span role="gridcell" className="log-duration">
        {entry.durationMs === undefined ? '' : `${entry.durationMs} ms`}
      </span>
      <span role="gridcell" className="log-upstream" title={entry.upstreamCluster}>
        {entry.upstreamHost ?? ''}
        {entry.upstreamCluster ? <span className="log-cluster"> {entry.upstreamCluster}</span> : null}
      </span>
      <span role="gridcell" className="log-request-id">
        {entry.requestId ? (
          <Link
            to={requestIdTracesPath(entry.requestId, row.timeMs)}
            title={`Traces with x-request-id ${entry.requestId}`}
            aria-label={`Traces with request id ${entry.requestId}`}
          >
            {entry.requestId.slice(0, 8)}
          </Link>
        ) : null}
      </span>
    </div>
  );
});
