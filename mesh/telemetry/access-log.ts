/**
 * Istio's default TEXT access log format, written (by the mock's sidecars) and read (by the console) (meshConfig.accessLogFormat unset), field for field:
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
  /** Request start, in milliseconds since the epoch. */
  readonly startMs: number;
  /** Absent for TCP connections. */
  readonly method?: string;
  readonly path?: string;
  readonly protocol?: string;
  /** 0 for TCP connections and for requests that got no response. */
  readonly code: number;
  /** Envoy's response flags such as UF or FI; empty when there are none. */
  readonly flags: readonly string[];
  readonly details?: string;
  readonly connectionTermination?: string;
  readonly transportFailure?: string;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  readonly durationMs?: number;
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

/** Envoy's RESPONSE_FLAGS text ("-" or "UF,URX") as a list. */
export function responseFlagList(text: string | undefined): string[] {
  return text === undefined || text === '-' || text === '' ? [] : text.split(',');
}

const dash = (value: string | number | undefined): string => (value === undefined || value === '' ? '-' : String(value));
const quoted = (value: string | undefined): string => `"${dash(value)}"`;

export function formatAccessLogLine(e: AccessLogEntry): string {
  return [
    `[${new Date(Math.floor(e.startMs)).toISOString()}]`,
    `"${dash(e.method)} ${dash(e.path)} ${dash(e.protocol)}"`,
    e.code,
    e.flags.length ? e.flags.join(',') : '-',
    dash(e.details),
    dash(e.connectionTermination),
    quoted(e.transportFailure),
    e.bytesReceived,
    e.bytesSent,
    e.durationMs === undefined ? '-' : Math.round(e.durationMs),
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

/** One line of a pod log: parsed when it is an access-log entry, kept raw either way. */
export interface AccessLogLine {
  readonly raw: string;
  /** The kubelet's RFC 3339 prefix, present when the log was read with timestamps. */
  readonly logTime?: string;
  /** Undefined for lines that are not in the default format (Envoy's own messages, a custom format). */
  readonly entry?: AccessLogEntry;
}

const Q = '"(.*?)"';
const T = '(\\S+)';
// Quoted fields are matched lazily: the fixed shape of the rest of the line settles where each ends,
// so a quote inside a user agent does not derail the parse.
const DEFAULT_FORMAT = new RegExp(
  `^\\[([^\\]]+)\\] "(\\S+) (.*?) (\\S+)" (\\d+) ${T} ${T} ${T} ${Q} ${T} ${T} ${T} ${T} ${Q} ${Q} ${Q} ${Q} ${Q} ${T} ${T} ${T} ${T} ${T} ${T}$`,
);
const KUBELET_TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

function present(value: string | undefined): string | undefined {
  return value === undefined || value === '-' || value === '' ? undefined : value;
}

function count(value: string | undefined): number | undefined {
  const text = present(value);
  return text === undefined || !/^\d+$/.test(text) ? undefined : Number(text);
}

/** Parses the entry part of a line (no kubelet prefix); undefined if it is not in the default format. */
export function parseAccessLogEntry(text: string): AccessLogEntry | undefined {
  const m = DEFAULT_FORMAT.exec(text.trimEnd());
  if (!m) return undefined;
  const [, start = '', method, path, protocol, status, flags, details, termination, transport, rx, tx, duration, ust] = m;
  const [xff, agent, requestId, authority, upstreamHost, cluster, upstreamLocal, downstreamLocal, downstreamRemote, sni, route] = m.slice(14);
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) return undefined;
  return {
    startMs,
    method: present(method),
    path: present(path),
    protocol: present(protocol),
    code: Number(status),
    flags: responseFlagList(flags),
    details: present(details),
    connectionTermination: present(termination),
    transportFailure: present(transport),
    bytesReceived: count(rx) ?? 0,
    bytesSent: count(tx) ?? 0,
    durationMs: count(duration),
    upstreamServiceTimeMs: count(ust),
    forwardedFor: present(xff),
    userAgent: present(agent),
    requestId: present(requestId),
    authority: present(authority),
    upstreamHost: present(upstreamHost),
    upstreamCluster: present(cluster),
    upstreamLocal: present(upstreamLocal),
    downstreamLocal: present(downstreamLocal),
    downstreamRemote: present(downstreamRemote),
    serverName: present(sni),
    routeName: present(route),
  };
}

export interface AccessLogParseOptions {
  /** The log was read with timestamps=true: each line starts with the kubelet's time. */
  timestamps?: boolean;
}

/** Parses one log line. */
export function parseAccessLogLine(raw: string, options: AccessLogParseOptions = {}): AccessLogLine {
  const stamp = options.timestamps ? KUBELET_TIMESTAMP.exec(raw) : null;
  const logTime = stamp?.[1];
  const entry = parseAccessLogEntry(stamp ? raw.slice(stamp[0].length) : raw);
  return { raw, ...(logTime !== undefined && { logTime }), ...(entry && { entry }) };
}

/** Parses a log body; blank lines are skipped. */
export function parseAccessLog(text: string, options: AccessLogParseOptions = {}): AccessLogLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseAccessLogLine(line.replace(/\r$/, ''), options));
}
