/** One line that says what a config object does, for the list: hosts, action, mode, parents. */
import { asArray, asNumber, asRecord, asString, asStringMap } from '../../api';
import type { KubeObject } from '../../api';
import type { Tone } from '../../ui';

export interface ConfigSummary {
  /** A short, coloured keyword (an action, a mode), when the kind has one. */
  readonly badge?: { readonly label: string; readonly tone: Tone };
  readonly text: string;
}

const SEPARATOR = ' · ';

function strings(value: unknown): string[] {
  return asArray(value).map(asString).filter((entry): entry is string => Boolean(entry));
}

function join(parts: (string | undefined | false)[]): string {
  return parts.filter(Boolean).join(SEPARATOR);
}

function count(n: number, noun: string): string | undefined {
  return n > 0 ? `${n} ${noun}${n === 1 ? '' : 's'}` : undefined;
}

function labelsText(labels: Record<string, string>): string | undefined {
  const text = Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return text || undefined;
}

/** `selector.matchLabels` of security and telemetry policies. */
function selectorText(spec: Record<string, unknown>): string | undefined {
  return labelsText(asStringMap(asRecord(spec.selector).matchLabels));
}

/** `workloadSelector.labels` of Sidecar and EnvoyFilter. */
function workloadSelectorText(spec: Record<string, unknown>): string | undefined {
  return labelsText(asStringMap(asRecord(spec.workloadSelector).labels));
}

function targetText(spec: Record<string, unknown>): string | undefined {
  const refs = [...asArray(spec.targetRefs), ...(spec.targetRef ? [spec.targetRef] : [])].map(asRecord);
  const names = refs.map((ref) => `${asString(ref.kind) ?? ''}/${asString(ref.name) ?? ''}`);
  return names.length ? `targets ${names.join(', ')}` : undefined;
}

/** Where a policy applies: its selector, its targets, or the whole namespace (mesh-wide in the root namespace). */
function scopeText(object: KubeObject, spec: Record<string, unknown>, selector = selectorText(spec)): string {
  if (selector) return selector;
  const targets = targetText(spec);
  if (targets) return targets;
  return object.metadata.namespace === 'istio-system' ? 'mesh-wide' : 'whole namespace';
}

function parentRefsText(spec: Record<string, unknown>, ownNamespace: string | undefined): string {
  return asArray(spec.parentRefs)
    .map(asRecord)
    .map((ref) => {
      const namespace = asString(ref.namespace);
      const name = asString(ref.name) ?? '?';
      const section = asString(ref.sectionName);
      const kind = asString(ref.kind);
      const prefix = kind && kind !== 'Gateway' ? `${kind}/` : '';
      const qualified = namespace && namespace !== ownNamespace ? `${namespace}/${name}` : name;
      return `${prefix}${qualified}${section ? `:${section}` : ''}`;
    })
    .join(', ');
}

function backendNames(rules: unknown): string[] {
  const names = new Set<string>();
  for (const rule of asArray(rules).map(asRecord)) {
    for (const ref of asArray(rule.backendRefs).map(asRecord)) {
      const name = asString(ref.name);
      if (name) names.add(name);
    }
  }
  return [...names];
}

const TONE_BY_ACTION: Record<string, Tone> = { ALLOW: 'ok', DENY: 'danger', AUDIT: 'info', CUSTOM: 'accent' };
const TONE_BY_MTLS: Record<string, Tone> = { STRICT: 'ok', PERMISSIVE: 'warn', DISABLE: 'danger', UNSET: 'neutral' };

type Summarizer = (object: KubeObject, spec: Record<string, unknown>) => ConfigSummary;

const SUMMARIZERS: Record<string, Summarizer> = {
  'virtualservices.networking.istio.io': (_, spec) => ({
    text: join([
      strings(spec.hosts).join(', '),
      strings(spec.gateways).length ? `via ${strings(spec.gateways).join(', ')}` : undefined,
      count(asArray(spec.http).length, 'http route'),
      count(asArray(spec.tcp).length, 'tcp route'),
      count(asArray(spec.tls).length, 'tls route'),
    ]),
  }),
  'destinationrules.networking.istio.io': (_, spec) => {
    const subsets = asArray(spec.subsets).map((subset) => asString(asRecord(subset).name) ?? '?');
    const tlsMode = asString(asRecord(asRecord(spec.trafficPolicy).tls).mode);
    return {
      text: join([asString(spec.host), subsets.length ? `subsets ${subsets.join(', ')}` : undefined, tlsMode && `tls ${tlsMode}`]),
    };
  },
  'serviceentries.networking.istio.io': (_, spec) => ({
    text: join([strings(spec.hosts).join(', '), asString(spec.location), asString(spec.resolution)]),
  }),
  'gateways.networking.istio.io': (_, spec) => {
    const servers = asArray(spec.servers).map(asRecord);
    const listeners = servers.map((server) => {
      const port = asRecord(server.port);
      return `${strings(server.hosts).join(',') || '*'}:${asNumber(port.number) ?? '?'}`;
    });
    return { text: join([listeners.join(', '), selectorText(spec)]) };
  },
  'sidecars.networking.istio.io': (object, spec) => {
    const egressHosts = asArray(spec.egress).flatMap((egress) => strings(asRecord(egress).hosts));
    return {
      text: join([scopeText(object, spec, workloadSelectorText(spec)), egressHosts.length ? `egress ${egressHosts.join(', ')}` : undefined]),
    };
  },
  'envoyfilters.networking.istio.io': (object, spec) => {
    const patches = asArray(spec.configPatches).map(asRecord);
    const applyTo = new Set(patches.map((patch) => asString(patch.applyTo) ?? '?'));
    return {
      text: join([
        scopeText(object, spec, workloadSelectorText(spec)),
        count(patches.length, 'patch'),
        applyTo.size ? [...applyTo].join(', ') : undefined,
      ]),
    };
  },
  'workloadentries.networking.istio.io': (_, spec) => ({
    text: join([asString(spec.address), labelsText(asStringMap(spec.labels))]),
  }),
  'workloadgroups.networking.istio.io': (_, spec) => ({
    text: labelsText(asStringMap(asRecord(spec.metadata).labels)) ?? '',
  }),
  'peerauthentications.security.istio.io': (object, spec) => {
    const mode = asString(asRecord(spec.mtls).mode) ?? 'UNSET';
    const portModes = Object.entries(asRecord(spec.portLevelMtls)).map(
      ([port, setting]) => `${port}:${asString(asRecord(setting).mode) ?? '?'}`,
    );
    return {
      badge: { label: mode, tone: TONE_BY_MTLS[mode] ?? 'neutral' },
      text: join([scopeText(object, spec), portModes.length ? `ports ${portModes.join(', ')}` : undefined]),
    };
  },
  'authorizationpolicies.security.istio.io': (object, spec) => {
    const action = asString(spec.action) ?? 'ALLOW';
    const rules = asArray(spec.rules).length;
    // An ALLOW policy without rules matches nothing: it denies every request to the workload.
    const ruleText = rules === 0 && action === 'ALLOW' ? 'no rules: denies all' : count(rules, 'rule');
    return { badge: { label: action, tone: TONE_BY_ACTION[action] ?? 'neutral' }, text: join([scopeText(object, spec), ruleText]) };
  },
  'requestauthentications.security.istio.io': (object, spec) => {
    const issuers = asArray(spec.jwtRules).map((rule) => asString(asRecord(rule).issuer) ?? '?');
    return { text: join([scopeText(object, spec), issuers.length ? `issuers ${issuers.join(', ')}` : undefined]) };
  },
  'telemetries.telemetry.istio.io': (object, spec) => {
    const signals = ['metrics', 'tracing', 'accessLogging'].filter((signal) => asArray(spec[signal]).length > 0);
    return { text: join([scopeText(object, spec), signals.join(', ')]) };
  },
  'wasmplugins.extensions.istio.io': (object, spec) => ({ text: join([scopeText(object, spec), asString(spec.url), asString(spec.phase)]) }),
  'proxyconfigs.networking.istio.io': (object, spec) => ({
    text: join([scopeText(object, spec), asNumber(spec.concurrency) !== undefined ? `concurrency ${asNumber(spec.concurrency)}` : undefined]),
  }),
  'gatewayclasses.gateway.networking.k8s.io': (_, spec) => ({ text: asString(spec.controllerName) ?? '' }),
  'gateways.gateway.networking.k8s.io': (_, spec) => {
    const listeners = asArray(spec.listeners).map(asRecord).map((listener) => {
      const host = asString(listener.hostname);
      return `${asString(listener.protocol) ?? '?'}:${asNumber(listener.port) ?? '?'}${host ? ` ${host}` : ''}`;
    });
    return { text: join([asString(spec.gatewayClassName) && `class ${asString(spec.gatewayClassName)}`, listeners.join(', ')]) };
  },
  'httproutes.gateway.networking.k8s.io': (object, spec) => routeSummary(object, spec),
  'grpcroutes.gateway.networking.k8s.io': (object, spec) => routeSummary(object, spec),
  'referencegrants.gateway.networking.k8s.io': (_, spec) => {
    const from = asArray(spec.from).map(asRecord).map((ref) => `${asString(ref.kind) ?? '?'} in ${asString(ref.namespace) ?? '?'}`);
    const to = asArray(spec.to).map(asRecord).map((ref) => asString(ref.kind) ?? '?');
    return { text: `${from.join(', ')} → ${to.join(', ')}` };
  },
};

function routeSummary(object: KubeObject, spec: Record<string, unknown>): ConfigSummary {
  const parents = parentRefsText(spec, object.metadata.namespace);
  const backends = backendNames(spec.rules);
  return {
    text: join([
      parents && `parents ${parents}`,
      strings(spec.hostnames).join(', '),
      backends.length ? `→ ${backends.join(', ')}` : undefined,
    ]),
  };
}

export function summarizeConfig(kindId: string, object: KubeObject): ConfigSummary {
  const summarize = SUMMARIZERS[kindId];
  return summarize ? summarize(object, object.spec ?? {}) : { text: '' };
}
