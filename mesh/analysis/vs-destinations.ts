/** VirtualService destinations: hosts, subsets, ports and weights. */

import type { KubeObject } from '../kube-types';
import { asObject, asPort, asText } from '../routing/narrow';
import { type AnalysisContext, NETWORKING } from './context';
import { pointer } from './refs';
import type { CheckFamily, FindingSink } from './sink';
import type { AnalysisCheck, JsonPatchOp } from './types';
import { type RouteList, closest, routeLists } from './vs-read';

const KINDS = ['VirtualService'];

export const VS_DESTINATION_CHECKS = {
  unknownHost: { code: 'MD1001', severity: 'error', title: 'VirtualService routes to a host that is not in the service registry', kinds: KINDS, istioCode: 'IST0101' },
  unknownSubset: { code: 'MD1002', severity: 'error', title: 'VirtualService routes to a subset no DestinationRule defines', kinds: KINDS, istioCode: 'IST0101' },
  weightSum: { code: 'MD1006', severity: 'warning', title: 'Route weights do not add up to 100', kinds: KINDS },
  singleWeight: { code: 'MD1007', severity: 'warning', title: 'Single route destination with a weight other than 100', kinds: KINDS },
  unknownPort: { code: 'MD1011', severity: 'error', title: 'VirtualService routes to a port the destination does not expose', kinds: KINDS },
  portRequired: { code: 'MD1012', severity: 'error', title: 'VirtualService routes to a multi-port service without naming the port', kinds: KINDS, istioCode: 'IST0112' },
} as const satisfies Record<string, AnalysisCheck>;

const C = VS_DESTINATION_CHECKS;

/** Scales weights to sum to 100, keeping their proportions; the rounding remainder goes to the largest. */
function normalizedWeights(weights: readonly number[]): number[] | undefined {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.length > 0 ? evenSplit(weights.length) : undefined;
  const scaled = weights.map((w) => Math.floor((w * 100) / total));
  const largest = scaled.indexOf(Math.max(...scaled));
  scaled[largest] = (scaled[largest] ?? 0) + 100 - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}

function evenSplit(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}

function checkWeights(sink: FindingSink, vs: KubeObject, list: RouteList): void {
  const { destinations } = list;
  if (destinations.length === 1) {
    const only = destinations[0];
    if (only?.weight !== undefined && only.weight !== 100) {
      sink.report(C.singleWeight, vs, [...only.path, 'weight'], `The only destination of ${list.section} rule ${String(list.path[2])} has weight ${only.weight}; Istio sends it all traffic anyway.`, {
        fix: { description: 'Remove the weight', patch: [{ op: 'remove', path: pointer([...only.path, 'weight']) }] },
      });
    }
    return;
  }
  if (destinations.length < 2) return;
  const weights = destinations.map((d) => d.weight ?? 0);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 100) return;
  const fixed = normalizedWeights(weights);
  const patch: JsonPatchOp[] = (fixed ?? []).map((w, i) => ({ op: 'add', path: pointer([...(destinations[i]?.path ?? []), 'weight']), value: w }));
  sink.report(C.weightSum, vs, [...list.path, 'route'], `The weights of ${list.section} rule ${String(list.path[2])} add up to ${total}, not 100 (${weights.join(' + ')}).`, {
    fix: { description: `Set the weights to ${(fixed ?? []).join(', ')}`, patch },
  });
}

function checkDestination(ctx: AnalysisContext, sink: FindingSink, vs: KubeObject, list: RouteList, index: number): void {
  const namespace = vs.metadata.namespace ?? 'default';
  const entry = list.destinations[index];
  if (!entry) return;
  const raw = asText(entry.destination.host);
  if (!raw) return;
  const host = ctx.fqdn(raw, namespace);
  const hostPath = [...entry.path, 'destination', 'host'];
  const service = ctx.registry.lookup(host, namespace);
  if (!service) {
    const hidden = ctx.registry.has(host);
    const target = ctx.serviceForHost(host);
    sink.report(
      C.unknownHost,
      vs,
      hostPath,
      hidden
        ? `Destination host "${raw}" (${host}) exists but is not exported to namespace ${namespace}.`
        : `Destination host "${raw}" (${host}) matches no Service or ServiceEntry.${raw.includes('.') && !raw.endsWith(ctx.domain) ? ' Names with a dot are not expanded: write the short name or the full FQDN.' : ''}`,
      { related: target ? [target] : [] },
    );
    return;
  }

  const subset = asText(entry.destination.subset);
  if (subset) {
    const rules = ctx.destinationRulesFor(host, namespace);
    if (!rules.some((r) => r.subsets.some((s) => s.name === subset))) {
      const suggestion = closest(subset, rules.flatMap((r) => r.subsets.map((s) => s.name)));
      const subsetPath = [...entry.path, 'destination', 'subset'];
      sink.report(
        C.unknownSubset,
        vs,
        subsetPath,
        rules.length === 0
          ? `Subset "${subset}" of ${host} is used, but no DestinationRule for ${host} is visible in namespace ${namespace}.`
          : `No DestinationRule for ${host} defines subset "${subset}"${suggestion ? `; did you mean "${suggestion}"?` : '.'}`,
        {
          related: rules.map((r) => r.object),
          ...(suggestion ? { fix: { description: `Use subset "${suggestion}"`, patch: [{ op: 'replace', path: pointer(subsetPath), value: suggestion }] } } : {}),
        },
      );
    }
  }

  const ports = service.ports;
  if (ports.length === 0) return;
  const portObj = asObject(entry.destination.port);
  const port = asPort(portObj?.number);
  const related = [ctx.serviceForHost(host) ?? ctx.get(NETWORKING, 'ServiceEntry', service.identity.namespace, service.identity.name)].filter((o): o is KubeObject => o !== undefined);
  if (port !== undefined && !ports.some((p) => p.port === port)) {
    sink.report(C.unknownPort, vs, [...entry.path, 'destination', 'port', 'number'], `${host} exposes port${ports.length > 1 ? 's' : ''} ${ports.map((p) => p.port).join(', ')}, not ${port}.`, {
      related,
      ...(ports.length === 1 && ports[0] ? { fix: { description: `Use port ${ports[0].port}`, patch: [{ op: 'replace', path: pointer([...entry.path, 'destination', 'port', 'number']), value: ports[0].port }] } } : {}),
    });
  } else if (port === undefined && ports.length > 1 && list.section === 'http') {
    sink.report(C.portRequired, vs, [...entry.path, 'destination'], `${host} exposes several ports (${ports.map((p) => p.port).join(', ')}); the destination must name one.`, { related });
  }
}

export const vsDestinationFamily: CheckFamily = {
  checks: Object.values(VS_DESTINATION_CHECKS),
  run(ctx, sink) {
    for (const vs of ctx.of(NETWORKING, 'VirtualService')) {
      if (!sink.wants(vs)) continue;
      for (const list of routeLists(vs)) {
        list.destinations.forEach((_, i) => checkDestination(ctx, sink, vs, list, i));
        checkWeights(sink, vs, list);
      }
    }
  },
};
