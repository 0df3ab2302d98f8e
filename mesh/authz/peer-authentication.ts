/**
 * PeerAuthentication: the mutual TLS mode a workload accepts on a port. Istio composes at most one policy
 * per level: mesh-wide (root namespace, no selector) < namespace-wide (workload namespace, no selector)
 * < workload (selector matching the workload, in its namespace). At each level the oldest policy wins.
 * A level whose mode is UNSET (or absent) inherits the level above; with no policy the mode is
 * PERMISSIVE. Port-level modes come only from the workload-level policy and are keyed by the
 * workload's (target) port; an UNSET port mode inherits the workload's mode.
 */

import type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import type { KubeObject } from '../kube-types';
import { DEFAULT_ROOT_NAMESPACE } from '../routing/hosts';
import { asObject, asStringMap, asText, objectEntries, reader } from '../routing/narrow';
import { type ObjectIdentity, compareByAge, identityOf, selectorMatches } from '../routing/objects';
import type { MtlsMode } from './types';

type PaSpec = NonNullable<IPeerAuthentication['spec']>;

export type PeerAuthenticationLevel = 'mesh' | 'namespace' | 'workload' | 'port' | 'default';

export interface PeerAuthenticationResult {
  readonly mode: MtlsMode;
  /** Where the effective mode was set. */
  readonly level: PeerAuthenticationLevel;
  readonly policy?: { readonly namespace: string; readonly name: string };
}

interface Parsed {
  readonly identity: ObjectIdentity;
  readonly selector?: Readonly<Record<string, string>>;
  readonly mode?: MtlsMode;
  readonly portModes: ReadonlyMap<number, MtlsMode | undefined>;
}

const MODES: readonly MtlsMode[] = ['STRICT', 'PERMISSIVE', 'DISABLE'];
const modeOf = (value: unknown): MtlsMode | undefined => MODES.find((m) => m === asText(asObject(value)?.mode));

function parse(obj: KubeObject): Parsed {
  const spec = reader<PaSpec>(obj.spec);
  const selector = asStringMap(asObject(spec('selector'))?.matchLabels);
  const portModes = new Map<number, MtlsMode | undefined>();
  for (const [port, mtls] of objectEntries(spec('portLevelMtls'))) {
    const n = Number(port);
    if (Number.isInteger(n)) portModes.set(n, modeOf(mtls));
  }
  return {
    identity: identityOf(obj),
    selector: Object.keys(selector).length > 0 ? selector : undefined,
    mode: modeOf(spec('mtls')),
    portModes,
  };
}

const parsedCache = new WeakMap<readonly KubeObject[], readonly Parsed[]>();

/** Parsed policies, oldest first; cached while the same array is passed again. */
function parsedPolicies(policies: readonly KubeObject[]): readonly Parsed[] {
  let parsed = parsedCache.get(policies);
  if (!parsed) {
    parsed = policies.map(parse).sort((a, b) => compareByAge(a.identity, b.identity));
    parsedCache.set(policies, parsed);
  }
  return parsed;
}

/** The effective mode and where it was set. Parsing is cached per `policies` array. */
export function resolvePeerAuthentication(
  policies: readonly KubeObject[],
  workload: { readonly namespace: string; readonly labels: Readonly<Record<string, string>> },
  port: number,
  options: { readonly rootNamespace?: string } = {},
): PeerAuthenticationResult {
  const root = options.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
  const parsed = parsedPolicies(policies);
  const mesh = parsed.find((p) => p.identity.namespace === root && !p.selector);
  const namespace = workload.namespace === root ? undefined : parsed.find((p) => p.identity.namespace === workload.namespace && !p.selector);
  // A selector in the root namespace only selects workloads of the root namespace.
  const selected = parsed.find((p) => p.identity.namespace === workload.namespace && p.selector && selectorMatches(p.selector, workload.labels));

  let result: PeerAuthenticationResult = { mode: 'PERMISSIVE', level: 'default' };
  const levels: Array<[PeerAuthenticationLevel, Parsed | undefined]> = [
    ['mesh', mesh],
    ['namespace', namespace],
    ['workload', selected],
  ];
  for (const [level, p] of levels) {
    if (p?.mode) result = { mode: p.mode, level, policy: { namespace: p.identity.namespace, name: p.identity.name } };
  }
  if (selected?.portModes.has(port)) {
    const portMode = selected.portModes.get(port);
    if (portMode) result = { mode: portMode, level: 'port', policy: { namespace: selected.identity.namespace, name: selected.identity.name } };
  }
  return result;
}

/** The mTLS mode a workload accepts on `port` (its container port). */
export function evaluatePeerAuthentication(
  policies: readonly KubeObject[],
  workload: { readonly namespace: string; readonly labels: Readonly<Record<string, string>> },
  port: number,
  options: { readonly rootNamespace?: string } = {},
): MtlsMode {
  return resolvePeerAuthentication(policies, workload, port, options).mode;
}
