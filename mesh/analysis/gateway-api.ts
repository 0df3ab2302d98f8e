/** Gateway API: routes attached to Gateways and Services, their backends, and listener conflicts. */

import type { KubeObject } from '../kube-types';
import { type ListenerInfo, parseGatewayApiGateway } from '../routing/gateway-api';
import { hostIntersection } from '../routing/hosts';
import { asArray, asObject, asPort, asStringArray, asText } from '../routing/narrow';
import { labelSelectorMatches } from '../routing/objects';
import { type AnalysisContext, GATEWAY_API, NETWORKING } from './context';
import { pointer } from './refs';
import type { CheckFamily, FieldPath, FindingSink } from './sink';
import type { AnalysisCheck } from './types';

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute'];

export const GATEWAY_API_CHECKS = {
  missingParent: { code: 'MD4001', severity: 'error', title: 'Route parentRef names a Gateway or Service that does not exist', kinds: ROUTE_KINDS, istioCode: 'IST0101' },
  missingListener: { code: 'MD4002', severity: 'error', title: 'Route parentRef names a listener (sectionName or port) the Gateway does not have', kinds: ROUTE_KINDS },
  missingBackend: { code: 'MD4003', severity: 'error', title: 'Route backendRef names a Service that does not exist', kinds: ROUTE_KINDS, istioCode: 'IST0101' },
  backendPort: { code: 'MD4004', severity: 'error', title: 'Route backendRef port is missing or not exposed by the Service', kinds: ROUTE_KINDS },
  noReferenceGrant: { code: 'MD4005', severity: 'error', title: 'Cross-namespace backendRef without a ReferenceGrant', kinds: ROUTE_KINDS },
  listenerConflict: { code: 'MD4006', severity: 'error', title: 'Gateway listeners share a port and hostname', kinds: ['Gateway'] },
  notAllowed: { code: 'MD4007', severity: 'warning', title: "Route namespace is not allowed by the Gateway listeners' allowedRoutes", kinds: ROUTE_KINDS },
  hostnameMismatch: { code: 'MD4008', severity: 'warning', title: 'Route hostnames match no hostname of its Gateway listeners', kinds: ROUTE_KINDS },
} as const satisfies Record<string, AnalysisCheck>;

const C = GATEWAY_API_CHECKS;

function allows(ctx: AnalysisContext, listener: ListenerInfo, gatewayNs: string, routeNs: string): boolean {
  if (listener.allowedFrom === 'All') return true;
  if (listener.allowedFrom === 'Same') return gatewayNs === routeNs;
  return labelSelectorMatches(listener.namespaceSelector, ctx.namespaces.get(routeNs) ?? {});
}

function checkParent(ctx: AnalysisContext, sink: FindingSink, route: KubeObject, ref: Readonly<Record<string, unknown>>, path: FieldPath): void {
  const routeNs = route.metadata.namespace ?? 'default';
  const name = asText(ref.name);
  if (!name) return;
  const kind = asText(ref.kind) ?? 'Gateway';
  const namespace = asText(ref.namespace) ?? routeNs;
  if (kind === 'Service') {
    if (!ctx.services.has(`${namespace}/${name}`)) sink.report(C.missingParent, route, [...path, 'name'], `parentRef Service ${namespace}/${name} does not exist.`);
    return;
  }
  if (kind !== 'Gateway') return;
  const object = ctx.get(GATEWAY_API, 'Gateway', namespace, name);
  if (!object) {
    sink.report(C.missingParent, route, [...path, 'name'], `parentRef Gateway ${namespace}/${name} does not exist, so the route is not attached anywhere.`);
    return;
  }
  const gateway = parseGatewayApiGateway(object);
  const section = asText(ref.sectionName);
  const port = asPort(ref.port);
  const listeners = gateway.listeners.filter((l) => (!section || l.name === section) && (port === undefined || l.port === port));
  if (listeners.length === 0) {
    const field = section ? 'sectionName' : 'port';
    sink.report(C.missingListener, route, [...path, field], `Gateway ${namespace}/${name} has no listener ${section ? `named "${section}"` : ''}${section && port !== undefined ? ' ' : ''}${port !== undefined ? `on port ${port}` : ''} (listeners: ${gateway.listeners.map((l) => `${l.name}:${l.port}`).join(', ') || 'none'}).`, { related: [object] });
    return;
  }
  const allowed = listeners.filter((l) => allows(ctx, l, namespace, routeNs));
  if (allowed.length === 0) {
    sink.report(C.notAllowed, route, path, `The listeners of Gateway ${namespace}/${name} do not allow routes from namespace ${routeNs} (allowedRoutes); the route is not attached.`, { related: [object] });
    return;
  }
  const hostnames = asStringArray(route.spec?.hostnames).map((h) => h.toLowerCase());
  if (hostnames.length > 0 && !allowed.some((l) => hostnames.some((h) => hostIntersection(l.hostname ?? '*', h) !== undefined))) {
    const listenerHosts = [...new Set(allowed.map((l) => l.hostname ?? '*'))].join(', ');
    sink.report(C.hostnameMismatch, route, ['spec', 'hostnames'], `None of the hostnames ${hostnames.join(', ')} matches the listener hostnames of Gateway ${namespace}/${name} (${listenerHosts}); the route gets no traffic there.`, { related: [object] });
  }
}

function hasGrant(ctx: AnalysisContext, route: KubeObject, toNs: string, toKind: string, toGroup: string, toName: string): boolean {
  const fromNs = route.metadata.namespace ?? 'default';
  return ctx.of(GATEWAY_API, 'ReferenceGrant').some((grant) => {
    if ((grant.metadata.namespace ?? 'default') !== toNs) return false;
    const from = asArray(grant.spec?.from).map(asObject).some((f) => f?.group === GATEWAY_API && f.kind === route.kind && f.namespace === fromNs);
    const to = asArray(grant.spec?.to).map(asObject).some((t) => (t?.group ?? '') === toGroup && t?.kind === toKind && (t?.name === undefined || t.name === toName));
    return from && to;
  });
}

function checkBackend(ctx: AnalysisContext, sink: FindingSink, route: KubeObject, ref: Readonly<Record<string, unknown>>, path: FieldPath): void {
  const routeNs = route.metadata.namespace ?? 'default';
  const name = asText(ref.name);
  if (!name) return;
  const kind = asText(ref.kind) ?? 'Service';
  const group = asText(ref.group) ?? '';
  const namespace = asText(ref.namespace) ?? routeNs;
  const target = kind === 'Service' && group === '' ? ctx.services.get(`${namespace}/${name}`) : kind === 'ServiceEntry' && group === NETWORKING ? ctx.get(NETWORKING, 'ServiceEntry', namespace, name) : undefined;
  if (kind !== 'Service' && kind !== 'ServiceEntry') return;
  if (!target) {
    sink.report(C.missingBackend, route, [...path, 'name'], `backendRef ${kind} ${namespace}/${name} does not exist; requests to it get 500.`);
    return;
  }
  if (namespace !== routeNs && !hasGrant(ctx, route, namespace, kind, group, name)) {
    sink.report(C.noReferenceGrant, route, [...path, 'namespace'], `backendRef to ${kind} ${namespace}/${name} crosses namespaces, but no ReferenceGrant in ${namespace} allows ${route.kind}s from ${routeNs}.`, { related: [target] });
  }
  if (kind !== 'Service') return;
  const port = asPort(ref.port);
  const ports = asArray(target.spec?.ports).map((p) => asPort(asObject(p)?.port)).filter((p): p is number => p !== undefined);
  if (port === undefined) {
    sink.report(C.backendPort, route, path, `backendRef to Service ${namespace}/${name} needs a port (it exposes ${ports.join(', ') || 'none'}).`, {
      related: [target],
      ...(ports.length === 1 ? { fix: { description: `Use port ${ports[0] ?? 0}`, patch: [{ op: 'add', path: pointer([...path, 'port']), value: ports[0] }] } } : {}),
    });
  } else if (!ports.includes(port)) {
    sink.report(C.backendPort, route, [...path, 'port'], `Service ${namespace}/${name} exposes port${ports.length === 1 ? '' : 's'} ${ports.join(', ') || 'none'}, not ${port}.`, { related: [target] });
  }
}

function checkRoute(ctx: AnalysisContext, sink: FindingSink, route: KubeObject): void {
  asArray(route.spec?.parentRefs).forEach((raw, i) => {
    const ref = asObject(raw);
    if (ref) checkParent(ctx, sink, route, ref, ['spec', 'parentRefs', i]);
  });
  asArray(route.spec?.rules).forEach((rule, i) =>
    asArray(asObject(rule)?.backendRefs).forEach((raw, j) => {
      const ref = asObject(raw);
      if (ref) checkBackend(ctx, sink, route, ref, ['spec', 'rules', i, 'backendRefs', j]);
    }),
  );
}

const HOSTNAME_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TLS']);

function checkListeners(sink: FindingSink, gateway: KubeObject): void {
  const seen = new Map<string, number>();
  asArray(gateway.spec?.listeners).forEach((raw, i) => {
    const l = asObject(raw);
    const port = asPort(l?.port);
    const protocol = (asText(l?.protocol) ?? '').toUpperCase();
    if (port === undefined || !HOSTNAME_PROTOCOLS.has(protocol)) return;
    const hostname = (asText(l?.hostname) ?? '*').toLowerCase();
    const key = `${port}|${hostname}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, i);
      return;
    }
    sink.report(C.listenerConflict, gateway, ['spec', 'listeners', i, 'hostname'], `Listener ${i} ("${asText(l?.name) ?? ''}") uses port ${port} and hostname "${hostname}" like listener ${earlier}; both are marked Conflicted and get no routes.`);
  });
}

export const gatewayApiFamily: CheckFamily = {
  checks: Object.values(GATEWAY_API_CHECKS),
  run(ctx, sink) {
    for (const kind of ROUTE_KINDS) for (const route of ctx.of(GATEWAY_API, kind)) if (sink.wants(route)) checkRoute(ctx, sink, route);
    for (const gateway of ctx.of(GATEWAY_API, 'Gateway')) if (sink.wants(gateway)) checkListeners(sink, gateway);
  },
};
