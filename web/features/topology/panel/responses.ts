/** An edge's responses, grouped by code and flags, with what each flag means in plain words. */
import { RESPONSE_FLAGS } from '../../../../mesh/telemetry/response-flags';
import type { ResponseFlag } from '../../../../mesh/telemetry/response-flags';
import type { TopologyEdge } from '../../../../mesh/topology/model';

/** What to suspect, beyond Envoy's own words, for the flags operators meet most. */
const LIKELY_CAUSE: Partial<Record<ResponseFlag, string>> = {
  UF: 'often an mTLS conflict (STRICT PeerAuthentication against a client without a sidecar, or a DestinationRule TLS mode mismatch)',
  UO: 'the circuit breaker is open: the DestinationRule connection pool limits are reached',
  FI: 'a VirtualService fault injection aborted the request on purpose',
  DI: 'a VirtualService fault injection delayed the request on purpose',
  URX: 'retries were exhausted; the upstream keeps failing',
  UT: 'the route timeout in the VirtualService expired',
  UH: 'outlier detection ejected every endpoint, or none is ready',
  NR: 'no route matched: check the VirtualService match rules and hosts',
  RL: 'a local rate limit rejected the request',
  RBAC: 'an AuthorizationPolicy denied the request',
};

export function isResponseFlag(flag: string): flag is ResponseFlag {
  return Object.hasOwn(RESPONSE_FLAGS, flag);
}

/** "FI: Aborted by fault injection — a VirtualService fault injection aborted the request on purpose". */
export function explainFlags(flags: string): string {
  if (flags === '-' || flags === '') return 'No flags: the upstream answered';
  return flags
    .split(',')
    .map((flag) => {
      if (!isResponseFlag(flag)) return `${flag}: unknown flag`;
      const cause = LIKELY_CAUSE[flag];
      return `${flag}: ${RESPONSE_FLAGS[flag]}${cause ? ` — ${cause}` : ''}`;
    })
    .join('; ');
}

export interface ResponseRow {
  readonly code: string;
  readonly flags: string;
  readonly rps: number;
  /** Share of the edge's requests. */
  readonly share: number;
}

/** Rows by descending rate; errors first among equals. */
export function responseRows(edge: TopologyEdge): ResponseRow[] {
  const rows: ResponseRow[] = [];
  let total = 0;
  for (const byFlags of Object.values(edge.responses)) for (const rps of Object.values(byFlags)) total += rps;
  for (const [code, byFlags] of Object.entries(edge.responses))
    for (const [flags, rps] of Object.entries(byFlags)) rows.push({ code, flags, rps, share: total > 0 ? rps / total : 0 });
  return rows.sort((a, b) => b.rps - a.rps || b.code.localeCompare(a.code));
}
