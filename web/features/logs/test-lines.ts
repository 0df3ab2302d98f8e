/** Access-log lines for the logs feature's tests. */
import { formatAccessLogLine } from '../../../mesh/telemetry/access-log';
import type { AccessLogEntry } from '../../../mesh/telemetry/access-log';

export const BASE = Date.parse('2026-11-25T10:00:00.000Z');

export function entryLine(offsetMs: number, extra: Partial<AccessLogEntry> = {}): string {
  return formatAccessLogLine({
    startMs: BASE + offsetMs,
    method: 'GET',
    path: '/productpage',
    protocol: 'HTTP/1.1',
    code: 200,
    flags: [],
    bytesReceived: 0,
    bytesSent: 10,
    durationMs: 5,
    requestId: `req-${offsetMs}`,
    upstreamCluster: 'inbound|9080||',
    ...extra,
  });
}
