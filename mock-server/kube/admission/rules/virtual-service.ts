import { isIP } from 'node:net';
import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { exportToCauses, fqdnError, hostCauses, portCauses } from './common';
import { weightedDestinationCauses } from './destinations';
import { httpRouteCauses } from './http-route';
import { specAs, type Rule, type VirtualServiceSpec } from './types';

const MESH_GATEWAY = 'mesh';

export const virtualServiceRule: Rule = (obj) => {
  const spec = specAs<VirtualServiceSpec>(obj) ?? {};
  const gateways = spec.gateways ?? [];
  const appliesToMesh = gateways.length === 0 || gateways.includes(MESH_GATEWAY);
  return [
    ...hostsCauses(spec, appliesToMesh),
    ...gateways.flatMap((name, i) => gatewayNameCauses(`spec.gateways[${i}]`, name)),
    ...routesPresentCauses(spec),
    ...(spec.http ?? []).flatMap((route, i) => httpRouteCauses(`spec.http[${i}]`, route)),
    ...(spec.tcp ?? []).flatMap((route, i) => [
      ...(route.route?.length ? [] : [required(`spec.tcp[${i}].route`, 'TCP route is required')]),
      ...weightedDestinationCauses(`spec.tcp[${i}].route`, route.route),
      ...(route.match ?? []).flatMap((m, j) => portCauses(`spec.tcp[${i}].match[${j}].port`, m.port)),
    ]),
    ...(spec.tls ?? []).flatMap((route, i) => [
      ...(route.match?.length ? [] : [required(`spec.tls[${i}].match`, 'TLS route must have at least one match condition')]),
      ...(route.match ?? []).flatMap((m, j) =>
        m.sniHosts?.length ? [] : [required(`spec.tls[${i}].match[${j}].sniHosts`, 'TLS match must have at least one SNI host')],
      ),
      ...(route.route?.length ? [] : [required(`spec.tls[${i}].route`, 'TLS route is required')]),
      ...weightedDestinationCauses(`spec.tls[${i}].route`, route.route),
    ]),
    ...exportToCauses('spec.exportTo', spec.exportTo),
  ];
};

/**
 * Hosts are required, except on a delegate: a VirtualService without hosts that only holds HTTP
 * routes, which a root VirtualService includes with `delegate`. Istio accepts those.
 */
function hostsCauses(spec: VirtualServiceSpec, appliesToMesh: boolean): StatusCause[] {
  const hosts = spec.hosts ?? [];
  if (hosts.length === 0) {
    const delegateOnly = !spec.gateways?.length && !spec.tls?.length && !spec.tcp?.length;
    return delegateOnly
      ? []
      : [required('spec.hosts', 'virtual service must have at least one host (only a delegate VirtualService, with HTTP routes only and no gateways, may omit hosts)')];
  }
  return hosts.flatMap((host, i) => {
    const field = `spec.hosts[${i}]`;
    if (host === '*' && appliesToMesh) {
      return [invalid(field, host, 'wildcard host * is not allowed for virtual services bound to the mesh gateway')];
    }
    const causes = hostCauses(field, host);
    if (hosts.indexOf(host) !== i) causes.push(invalid(field, host, `duplicate hosts in virtual service: ${host} & ${host}`));
    return causes;
  });
}

function routesPresentCauses(spec: VirtualServiceSpec): StatusCause[] {
  if (spec.http?.length || spec.tcp?.length || spec.tls?.length) return [];
  return [required('spec.http', 'http, tcp or tls must be provided in virtual service')];
}

/** "namespace/name", or a bare name or FQDN (the older form). */
function gatewayNameCauses(field: string, name: string): StatusCause[] {
  const parts = name.split('/');
  if (parts.length === 1) {
    const error = name === MESH_GATEWAY || isIP(name) ? undefined : fqdnError(name);
    return error ? [invalid(field, name, error)] : [];
  }
  const [namespace = '', gateway = ''] = parts;
  if (parts.length > 2 || !namespace || !gateway) return [invalid(field, name, 'config namespace and gateway name cannot be empty')];
  const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
  if (!label.test(namespace)) return [invalid(field, name, `invalid value for namespace: ${JSON.stringify(namespace)}`)];
  if (!label.test(gateway)) return [invalid(field, name, `invalid value for gateway name: ${JSON.stringify(gateway)}`)];
  return [];
}
