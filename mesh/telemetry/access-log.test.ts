import { describe, expect, it } from 'vitest';
import { formatAccessLogLine, parseAccessLog, parseAccessLogLine } from './access-log';

const OUTBOUND =
  '[2026-01-01T12:00:03.409Z] "GET /reviews/0 HTTP/1.1" 200 - via_upstream - "-" 0 358 9 8 "-" "curl/8.5.0" ' +
  '"8b3d4f6a-6c4b-4a8e-9d7e-0c8f6f3b2a11" "reviews:9080" "10.244.1.15:9080" outbound|9080|v1|reviews.bookinfo.svc.cluster.local ' +
  '10.244.2.19:60236 10.96.81.152:9080 10.244.2.19:55058 - default';
const TCP = '[1970-01-01T00:00:00.000Z] "- - -" 0 UF,URX - - "-" 0 0 1 - "-" "-" "-" "-" "-" - - - - - -';

const OUTBOUND_ENTRY = {
  startMs: Date.UTC(2026, 0, 1, 12, 0, 3, 409),
  method: 'GET',
  path: '/reviews/0',
  protocol: 'HTTP/1.1',
  code: 200,
  flags: [],
  details: 'via_upstream',
  bytesReceived: 0,
  bytesSent: 358,
  durationMs: 9,
  upstreamServiceTimeMs: 8,
  userAgent: 'curl/8.5.0',
  requestId: '8b3d4f6a-6c4b-4a8e-9d7e-0c8f6f3b2a11',
  authority: 'reviews:9080',
  upstreamHost: '10.244.1.15:9080',
  upstreamCluster: 'outbound|9080|v1|reviews.bookinfo.svc.cluster.local',
  upstreamLocal: '10.244.2.19:60236',
  downstreamLocal: '10.96.81.152:9080',
  downstreamRemote: '10.244.2.19:55058',
  routeName: 'default',
};

describe('formatAccessLogLine', () => {
  it('writes an outbound request in the default Istio format, durations rounded', () => {
    expect(formatAccessLogLine({ ...OUTBOUND_ENTRY, durationMs: 9.4 })).toBe(OUTBOUND);
  });

  it('writes dashes for what a TCP connection or a local reply lacks', () => {
    const line = formatAccessLogLine({ startMs: 0, code: 0, flags: ['UF'], bytesReceived: 0, bytesSent: 0, durationMs: 1 });
    expect(line).toBe('[1970-01-01T00:00:00.000Z] "- - -" 0 UF - - "-" 0 0 1 - "-" "-" "-" "-" "-" - - - - - -');
  });
});

describe('parseAccessLogLine', () => {
  it('reads every column of an HTTP entry', () => {
    const entry = parseAccessLogLine(OUTBOUND).entry;
    expect(entry).toMatchObject(OUTBOUND_ENTRY);
    expect(entry).toMatchObject({ connectionTermination: undefined, transportFailure: undefined, forwardedFor: undefined, serverName: undefined });
  });

  it('reads a TCP entry with dashes and several flags', () => {
    expect(parseAccessLogLine(TCP).entry).toMatchObject({ method: undefined, code: 0, flags: ['UF', 'URX'], upstreamServiceTimeMs: undefined });
  });

  it('strips the kubelet timestamp and survives quotes and spaces inside a user agent', () => {
    const agent = 'Mozilla/5.0 (X11; Linux x86_64) "quoted" Safari/537.36';
    const line = parseAccessLogLine(`2026-01-01T12:00:03.41Z ${OUTBOUND.replace('curl/8.5.0', agent)}`, { timestamps: true });
    expect(line.logTime).toBe('2026-01-01T12:00:03.41Z');
    expect(line.entry?.userAgent).toBe(agent);
    expect(line.entry?.authority).toBe('reviews:9080');
  });

  it('keeps lines in other formats raw and skips blank ones', () => {
    const lines = parseAccessLog(`${OUTBOUND}\n\n2026-01-01T12:00:00.000Z info envoy starting\n[not a date] "GET / HTTP/1.1" 200\n`);
    expect(parseAccessLogLine(OUTBOUND, { timestamps: true }).entry).toBeDefined();
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.entry !== undefined)).toEqual([true, false, false]);
    expect(lines[1]).toEqual({ raw: '2026-01-01T12:00:00.000Z info envoy starting' });
  });
});

describe('format and parse', () => {
  it('read back what the sidecars write, field for field', () => {
    for (const line of [OUTBOUND, TCP]) {
      const entry = parseAccessLogLine(line).entry;
      expect(entry).toBeDefined();
      if (entry) expect(formatAccessLogLine(entry)).toBe(line);
    }
  });
});
