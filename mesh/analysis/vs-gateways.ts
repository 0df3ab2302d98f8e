/** VirtualServices and the gateways they bind to. */

import type { KubeObject } from '../kube-types';
import { type Visibility, hostCovers, parseExportTo } from '../routing/hosts';
import { parseIstioGateway } from '../routing/istio-gateways';
import { asArray, asObject, asStringArray } from '../routing/narrow';
import { MESH_GATEWAY } from '../routing/route-model';
import { resolveGatewayName } from '../routing/virtual-service';
import { pushTo } from './collections';
import { type AnalysisContext, NETWORKING, visibilitiesOverlap } from './context';
import { describeRef, pointer } from './refs';
import type { CheckFamily, FindingSink } from './sink';
import type { AnalysisCheck } from './types';
import { vsGateways } from './vs-read';

const KINDS = ['VirtualService'];

export const VS_GATEWAY_CHECKS = {
  missingGateway: { code: 'MD1003', severity: 'error', title: 'VirtualService is bound to a Gateway that does not exist', kinds: KINDS, istioCode: 'IST0101' },
  duplicateHost: { code: 'MD1004', severity: 'warning', title: 'Several VirtualServices for one host on the same gateways', kinds: KINDS, istioCode: 'IST0109' },
  meshWildcard: { code: 'MD1008', severity: 'error', title: 'VirtualService for the mesh uses the host "*"', kinds: KINDS },
  hostNotInGateway: { code: 'MD1013', severity: 'warning', title: 'VirtualService host is not served by its Gateway', kinds: KINDS, istioCode: 'IST0132' },
} as const satisfies Record<string, AnalysisCheck>;

const C = VS_GATEWAY_CHECKS;

function checkGatewayRefs(ctx: AnalysisContext, sink: FindingSink, vs: KubeObject): void {
  const namespace = vs.metadata.namespace ?? 'default';
  const refs: Array<{ name: string; path: (string | number)[] }> = asStringArray(vs.spec?.gateways).map((name, i) => ({ name, path: ['spec', 'gateways', i] }));
  asArray(vs.spec?.http).forEach((rule, i) =>
    asArray(asObject(rule)?.match).forEach((m, j) =>
      asStringArray(asObject(m)?.gateways).forEach((name, k) => refs.push({ name, path: ['spec', 'http', i, 'match', j, 'gateways', k] })),
    ),
  );
  const gateways = ctx.of(NETWORKING, 'Gateway');
  const served = new Set<string>();
  for (const { name, path } of refs) {
    const resolved = resolveGatewayName(name, namespace);
    if (resolved === MESH_GATEWAY) continue;
    const [gwNs = namespace, gwName = ''] = resolved.split('/');
    if (ctx.get(NETWORKING, 'Gateway', gwNs, gwName)) {
      if (!served.has(resolved)) checkHostsServed(ctx, sink, vs, gwNs, gwName);
      served.add(resolved);
      continue;
    }
    const elsewhere = gateways.filter((g) => g.metadata.name === gwName);
    const only = elsewhere.length === 1 ? elsewhere[0] : undefined;
    const replacement = only ? `${only.metadata.namespace ?? 'default'}/${gwName}` : undefined;
    sink.report(C.missingGateway, vs, path, `Gateway "${name}" (${gwNs}/${gwName}) does not exist${replacement ? `; there is one in namespace ${only?.metadata.namespace ?? ''}` : ''}.`, {
      related: elsewhere,
      ...(replacement ? { fix: { description: `Bind to ${replacement}`, patch: [{ op: 'replace', path: pointer(path), value: replacement }] } } : {}),
    });
  }
}

function checkHostsServed(ctx: AnalysisContext, sink: FindingSink, vs: KubeObject, gwNs: string, gwName: string): void {
  const object = ctx.get(NETWORKING, 'Gateway', gwNs, gwName);
  if (!object) return;
  const gateway = parseIstioGateway(object);
  const namespace = vs.metadata.namespace ?? 'default';
  const served = gateway.servers.flatMap((s) => s.hosts).filter((h) => h.namespace === '*' || h.namespace === namespace);
  asStringArray(vs.spec?.hosts).forEach((host, i) => {
    const forms = [host.toLowerCase(), ctx.fqdn(host, namespace)];
    if (served.some((s) => forms.some((h) => hostCovers(s.host, h) || hostCovers(h, s.host)))) return;
    sink.report(C.hostNotInGateway, vs, ['spec', 'hosts', i], `Host "${host}" is not among the hosts Gateway ${gwNs}/${gwName} serves to namespace ${namespace}.`, { related: [object] });
  });
}

interface HostEntry {
  readonly vs: KubeObject;
  readonly index: number;
  readonly visibility: Visibility;
}

function checkDuplicates(ctx: AnalysisContext, sink: FindingSink): void {
  const byKey = new Map<string, HostEntry[]>();
  for (const vs of ctx.of(NETWORKING, 'VirtualService')) {
    const namespace = vs.metadata.namespace ?? 'default';
    const gateways = [...new Set(vsGateways(vs))].sort().join(',');
    const visibility = parseExportTo(asStringArray(vs.spec?.exportTo), namespace);
    asStringArray(vs.spec?.hosts).forEach((host, index) => {
      const key = `${ctx.fqdn(host, namespace)}|${gateways}`;
      pushTo(byKey, key, { vs, index, visibility });
    });
  }
  for (const [key, entries] of byKey) {
    if (entries.length < 2) continue;
    const gateways = key.slice(key.indexOf('|') + 1).split(',');
    for (const entry of entries) {
      if (!sink.wants(entry.vs)) continue;
      const others = entries.filter((e) => e.vs !== entry.vs && visibilitiesOverlap(e.visibility, entry.visibility)).map((e) => e.vs);
      if (others.length === 0) continue;
      const [host] = key.split('|');
      sink.report(C.duplicateHost, entry.vs, ['spec', 'hosts', entry.index], `Host ${host ?? ''} is also routed by ${others.map((o) => describeRef({ kind: 'VirtualService', group: NETWORKING, namespace: o.metadata.namespace, name: o.metadata.name ?? '' })).join(', ')} on the same gateways; ${gateways.includes(MESH_GATEWAY) ? 'sidecars use only one of them' : 'the gateway merges their routes in an order you do not control'}. Merge them into one VirtualService.`, { related: others });
    }
  }
}

export const vsGatewayFamily: CheckFamily = {
  checks: Object.values(VS_GATEWAY_CHECKS),
  run(ctx, sink) {
    for (const vs of ctx.of(NETWORKING, 'VirtualService')) {
      if (!sink.wants(vs)) continue;
      checkGatewayRefs(ctx, sink, vs);
      if (vsGateways(vs).includes(MESH_GATEWAY)) {
        asStringArray(vs.spec?.hosts).forEach((host, i) => {
          if (host === '*') sink.report(C.meshWildcard, vs, ['spec', 'hosts', i], 'The host "*" is not allowed for a VirtualService bound to the mesh (it has no gateways, or lists "mesh"); name the hosts.');
        });
      }
    }
    checkDuplicates(ctx, sink);
  },
};
