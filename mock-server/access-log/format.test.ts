import { describe, expect, it } from 'vitest';
import { formatAccessLogLine, rfc3339Nano } from './format';

describe('formatAccessLogLine', () => {
  it('writes an outbound request in the default Istio format', () => {
    const line = formatAccessLogLine({
      startMs: Date.UTC(2026, 0, 1, 12, 0, 3, 409),
      method: 'GET',
      path: '/reviews/0',
      protocol: 'HTTP/1.1',
      code: 200,
      flags: '-',
      details: 'via_upstream',
      bytesReceived: 0,
      bytesSent: 358,
      durationMs: 9.4,
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
    });
    expect(line).toBe(
      '[2026-01-01T12:00:03.409Z] "GET /reviews/0 HTTP/1.1" 200 - via_upstream - "-" 0 358 9 8 "-" "curl/8.5.0" ' +
        '"8b3d4f6a-6c4b-4a8e-9d7e-0c8f6f3b2a11" "reviews:9080" "10.244.1.15:9080" outbound|9080|v1|reviews.bookinfo.svc.cluster.local ' +
        '10.244.2.19:60236 10.96.81.152:9080 10.244.2.19:55058 - default',
    );
  });

  it('writes dashes for what a TCP connection or a local reply lacks', () => {
    const line = formatAccessLogLine({ startMs: 0, code: 0, flags: 'UF', bytesReceived: 0, bytesSent: 0, durationMs: 1 });
    expect(line).toBe('[1970-01-01T00:00:00.000Z] "- - -" 0 UF - - "-" 0 0 1 - "-" "-" "-" "-" "-" - - - - - -');
  });
});

describe('rfc3339Nano', () => {
  it('trims trailing zeros as Go does', () => {
    expect(rfc3339Nano(Date.UTC(2026, 0, 1, 12, 0, 0, 120))).toBe('2026-01-01T12:00:00.12Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 1, 12, 0, 0) + 0.002)).toBe('2026-01-01T12:00:00.000002Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 1, 12, 0, 0))).toBe('2026-01-01T12:00:00Z');
  });
});
