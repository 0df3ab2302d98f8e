/** Istio Gateway resources: which gateway proxies they select and which hosts their servers expose. */

import type { KubeObject } from '../kube-types';
import type { IstioGatewayServer, IstioGatewaySpec } from './model-types';
import { asArray, asObject, asPort, asStringArray, asStringMap, asText, reader } from './narrow';
import { type ObjectIdentity, identityOf, selectorMatches } from './objects';

/** A "namespace/host" entry; namespace "*" allows routes from any namespace. */
export interface NamespacedHost {
  readonly namespace: string;
  readonly host: string;
}

export interface GatewayServer {
  readonly port: number;
  readonly protocol: string;
  readonly hosts: readonly NamespacedHost[];
}

export interface IstioGatewayInfo {
  readonly identity: ObjectIdentity;
  /** "namespace/name", as VirtualService `gateways` entries resolve to. */
  readonly key: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly servers: readonly GatewayServer[];
}

/** Parses "ns/host", "./host" (the config's namespace), "*\/host" or a bare "host" (any namespace). */
export function parseNamespacedHost(entry: string, ownNamespace: string): NamespacedHost {
  const slash = entry.indexOf('/');
  if (slash < 0) return { namespace: '*', host: entry.toLowerCase() };
  const ns = entry.slice(0, slash);
  return { namespace: ns === '.' ? ownNamespace : ns, host: entry.slice(slash + 1).toLowerCase() };
}

export function parseIstioGateway(obj: KubeObject): IstioGatewayInfo {
  const identity = { ...identityOf(obj), kind: 'Gateway' };
  const spec = reader<IstioGatewaySpec>(obj.spec);
  const servers: GatewayServer[] = [];
  for (const raw of asArray(spec('servers'))) {
    const server = reader<IstioGatewayServer>(raw);
    const port = asObject(server('port'));
    const number = asPort(port?.number);
    if (number === undefined) continue;
    servers.push({
      port: number,
      protocol: (asText(port?.protocol) ?? '').toUpperCase(),
      hosts: asStringArray(server('hosts')).map((h) => parseNamespacedHost(h, identity.namespace)),
    });
  }
  return { identity, key: `${identity.namespace}/${identity.name}`, selector: asStringMap(spec('selector')), servers };
}

/** Gateways select their proxies by labels in any namespace (Istio's default gateway scoping). */
export function gatewaysSelecting(gateways: readonly IstioGatewayInfo[], proxyLabels: Readonly<Record<string, string>>): IstioGatewayInfo[] {
  return gateways.filter((g) => selectorMatches(g.selector, proxyLabels));
}
