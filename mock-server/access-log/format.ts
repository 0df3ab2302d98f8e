/**
 * Istio's default TEXT access log format (meshConfig.accessLogFormat unset), field for field:
 *
 * [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS%
 * %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED%
 * %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
 * "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER_RAW% %UPSTREAM_LOCAL_ADDRESS%
 * %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% %REQUESTED_SERVER_NAME% %ROUTE_NAME%
 *
 * Envoy writes "-" for any value it does not have.
 */

export interface AccessLogEntry {
  /** Request start, in milliseconds since the epoch (fractions kept for the timestamp prefix). */
  readonly startMs: number;
  /** Absent for TCP connections. */
  readonly method?: string;
  readonly path?: string;
  readonly protocol?: 'HTTP/1.1' | 'HTTP/2';
  /** 0 for TCP, as Envoy logs it. */
  readonly code: number;
  /** Envoy's response flags, '-' for none. */
  readonly flags: string;
  readonly details?: string;
  readonly connectionTermination?: string;
  readonly transportFailure?: string;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  readonly durationMs: number;
  readonly upstreamServiceTimeMs?: number;
  readonly forwardedFor?: string;
  readonly userAgent?: string;
  readonly requestId?: string;
  readonly authority?: string;
  readonly upstreamHost?: string;
  readonly upstreamCluster?: string;
  readonly upstreamLocal?: string;
  readonly downstreamLocal?: string;
  readonly downstreamRemote?: string;
  readonly serverName?: string;
  readonly routeName?: string;
}

const dash = (value: string | number | undefined): string => (value === undefined || value === '' ? '-' : String(value));
const quoted = (value: string | undefined): string => `"${dash(value)}"`;

export function formatAccessLogLine(e: AccessLogEntry): string {
  return [
    `[${new Date(Math.floor(e.startMs)).toISOString()}]`,
    `"${dash(e.method)} ${dash(e.path)} ${dash(e.protocol)}"`,
    e.code,
    dash(e.flags),
    dash(e.details),
    dash(e.connectionTermination),
    quoted(e.transportFailure),
    e.bytesReceived,
    e.bytesSent,
    Math.round(e.durationMs),
    e.upstreamServiceTimeMs === undefined ? '-' : Math.round(e.upstreamServiceTimeMs),
    quoted(e.forwardedFor),
    quoted(e.userAgent),
    quoted(e.requestId),
    quoted(e.authority),
    quoted(e.upstreamHost),
    dash(e.upstreamCluster),
    dash(e.upstreamLocal),
    dash(e.downstreamLocal),
    dash(e.downstreamRemote),
    dash(e.serverName),
    dash(e.routeName),
  ].join(' ');
}

/**
 * The kubelet's timestamps=true prefix: Go's RFC3339Nano, trailing zeros of the fraction trimmed. Epoch
 * milliseconds in a double hold microseconds exactly, not nanoseconds, so the fraction stops there.
 */
export function rfc3339Nano(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const nanos = Math.round((epochMs - whole) * 1000) * 1000 + (whole % 1000) * 1e6;
  const seconds = new Date(whole - (whole % 1000)).toISOString().slice(0, 19);
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${seconds}${fraction ? `.${fraction}` : ''}Z`;
}
