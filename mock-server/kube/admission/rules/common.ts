import { isIP } from 'node:net';
import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, notSupported, required } from '../causes';
import { labelValueErrors, qualifiedNameErrors } from '../names';
import { parseGoDuration } from './duration';

/** Checks Istio's webhook shares between kinds, each returning causes at the given field. */

const LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const MILLISECOND = 1e6;

/** Istio's check of a host name whose first label may be a wildcard; undefined when valid. */
export function wildcardDomainError(domain: string): string | undefined {
  if (domain.length === 0) return 'empty domain name not allowed';
  if (domain.length > 255) return `domain name ${JSON.stringify(domain)} too long (max 255)`;
  const [first = '', ...rest] = domain.split('.');
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) return `domain name ${JSON.stringify(domain)} invalid (label ${JSON.stringify(first)} invalid)`;
  return rest.length > 0 ? labelsError(domain, rest) : undefined;
}

/** A fully qualified domain name: no wildcards. */
export function fqdnError(domain: string): string | undefined {
  if (domain.length === 0) return 'empty domain name not allowed';
  if (domain.length > 255) return `domain name ${JSON.stringify(domain)} too long (max 255)`;
  return labelsError(domain, domain.split('.'));
}

function labelsError(domain: string, labels: readonly string[]): string | undefined {
  const last = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(last)) return `domain name ${JSON.stringify(domain)} invalid (top level domain ${JSON.stringify(last)} cannot be all-numeric)`;
  for (const [i, label] of labels.entries()) {
    if (i === labels.length - 1 && label === '') return undefined; // "istio.io." is unambiguous
    if (label.length > 63 || !LABEL.test(label)) return `domain name ${JSON.stringify(domain)} invalid (label ${JSON.stringify(label)} invalid)`;
  }
  return undefined;
}

export function hostCauses(field: string, host: string): StatusCause[] {
  const error = wildcardDomainError(host);
  return error && !isIP(host) ? [invalid(field, host, error)] : [];
}

export function portCauses(field: string, port: number | null | undefined): StatusCause[] {
  if (port === undefined || port === null) return [];
  return port >= 1 && port <= 65535 ? [] : [invalid(field, port, `port number ${port} must be in the range 1..65535`)];
}

/** An integer percentage, such as a route weight. */
export function percentCauses(field: string, value: number | null | undefined): StatusCause[] {
  if (value === undefined || value === null || (value >= 0 && value <= 100)) return [];
  return [invalid(field, value, `percentage ${value} is not in range 0..100`)];
}

/** A fractional percentage ({value: 0.5}): 0, or between 0.0001 and 100. */
export function fractionCauses(field: string, value: number | null | undefined): StatusCause[] {
  if (value === undefined || value === null) return [];
  if (value >= 0 && value <= 100 && !(value > 0 && value < 0.0001)) return [];
  return [invalid(field, value, `percentage ${value} is neither 0.0, nor in range [0.0001, 100.0]`)];
}

/** A duration: Go syntax, at least 1ms unless zero, whole milliseconds. */
export function durationCauses(field: string, value: string | null | undefined): StatusCause[] {
  if (value === undefined || value === null) return [];
  const parsed = parseGoDuration(value);
  if ('error' in parsed) return [invalid(field, value, parsed.error)];
  if (parsed.nanos === 0) return [];
  if (parsed.nanos < MILLISECOND) return [invalid(field, value, 'duration must be greater than 1ms')];
  if (parsed.nanos % MILLISECOND !== 0) return [invalid(field, value, 'only durations to ms precision are supported')];
  return [];
}

export function nonNegativeCauses(field: string, value: number | null | undefined, what: string): StatusCause[] {
  return value !== undefined && value !== null && value < 0 ? [invalid(field, value, `${what} must be non-negative`)] : [];
}

/** An IP address or a CIDR block. */
export function subnetCauses(field: string, value: string): StatusCause[] {
  const [address = '', bits, ...extra] = value.split('/');
  const family = isIP(address);
  const maxBits = family === 6 ? 128 : 32;
  const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
  if (family !== 0 && validBits && extra.length === 0) return [];
  return [invalid(field, value, bits === undefined ? `${value} is not a valid IP` : `${value} is not a valid CIDR block`)];
}

/** Workload selectors match exact labels: no empty keys, no wildcards. */
export function workloadSelectorCauses(field: string, labels: Record<string, string> | null | undefined): StatusCause[] {
  return Object.entries(labels ?? {}).flatMap(([key, value]) => {
    if (key === '') return [invalid(field, `${key}=${value}`, 'empty key is not supported in selector')];
    if (key.includes('*') || value.includes('*')) return [invalid(field, `${key}=${value}`, 'wildcard is not supported in selector')];
    return [];
  });
}

/** Label maps inside specs (subset labels, endpoint labels) follow the metadata label syntax. */
export function labelCauses(field: string, labels: Record<string, string> | null | undefined): StatusCause[] {
  return Object.entries(labels ?? {}).flatMap(([key, value]) => [
    ...qualifiedNameErrors(key).map((error) => invalid(field, key, error)),
    ...labelValueErrors(value).map((error) => invalid(field, value, error)),
  ]);
}

const PROTOCOLS = ['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-WEB', 'TCP', 'TLS', 'UDP', 'MONGO', 'REDIS', 'MYSQL', 'HTTP_PROXY'];

export function isTlsProtocol(protocol: string | undefined): boolean {
  const p = protocol?.toUpperCase();
  return p === 'HTTPS' || p === 'TLS';
}

export function isHttpProtocol(protocol: string | undefined): boolean {
  return ['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY'].includes(protocol?.toUpperCase() ?? '');
}

/** A port protocol; empty means "detect it". */
export function protocolCauses(field: string, protocol: string | null | undefined): StatusCause[] {
  if (!protocol || PROTOCOLS.includes(protocol.toUpperCase())) return [];
  return [notSupported(field, protocol, PROTOCOLS)];
}

/** exportTo: no duplicates, and "*" alone. */
export function exportToCauses(field: string, exportTo: readonly string[] | null | undefined): StatusCause[] {
  const entries = exportTo ?? [];
  const causes: StatusCause[] = [];
  entries.forEach((entry, i) => {
    if (entries.indexOf(entry) !== i) causes.push(invalid(`${field}[${i}]`, entry, `duplicate entries in exportTo for entry ${entry}`));
  });
  if (entries.includes('*') && entries.length > 1) {
    causes.push(invalid(field, entries.join(','), 'cannot have both public (*) and non-public exportTo values for a resource'));
  }
  return causes;
}

export function requiredString(field: string, value: string | null | undefined, detail?: string): StatusCause[] {
  return value ? [] : [required(field, detail)];
}
