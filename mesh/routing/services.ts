/** The service registry routing resolves hosts against: Kubernetes Services and ServiceEntries. */

import type { KubeObject } from '../kube-types';
import { type Visibility, hostCovers, hostSpecificity, isVisible, isWildcard, parseExportTo } from './hosts';
import type { SePort, SeSpec, ServiceSpecFields } from './model-types';
import { asArray, asPort, asStringArray, asText, reader } from './narrow';
import { type ObjectIdentity, annotationsOf, compareByAge, identityOf } from './objects';

export interface ServicePort {
  readonly port: number;
  readonly name?: string;
  /** Declared protocol (ServiceEntry `protocol`, Service `appProtocol`), upper-cased; may be empty. */
  readonly protocol: string;
}

export interface ServiceInfo {
  readonly host: string;
  readonly namespace: string;
  readonly identity: ObjectIdentity;
  readonly ports: readonly ServicePort[];
  readonly visibility: Visibility;
}

const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

function kubernetesService(obj: KubeObject, domain: string): ServiceInfo {
  const identity = { ...identityOf(obj), kind: 'Service' };
  const spec = reader<ServiceSpecFields>(obj.spec);
  const exportTo = (annotationsOf(obj)[EXPORT_TO_ANNOTATION] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const ports: ServicePort[] = [];
  for (const p of asArray(spec('ports'))) {
    const sp = reader<NonNullable<ServiceSpecFields['ports']>[number]>(p);
    const port = asPort(sp('port'));
    if (port !== undefined) ports.push({ port, name: asText(sp('name')), protocol: (asText(sp('appProtocol')) ?? '').toUpperCase() });
  }
  return {
    host: `${identity.name}.${identity.namespace}.svc.${domain}`,
    namespace: identity.namespace,
    identity,
    ports,
    visibility: parseExportTo(exportTo, identity.namespace),
  };
}

function serviceEntryHosts(obj: KubeObject): ServiceInfo[] {
  const identity = { ...identityOf(obj), kind: 'ServiceEntry' };
  const spec = reader<SeSpec>(obj.spec);
  const ports: ServicePort[] = [];
  for (const p of asArray(spec('ports'))) {
    const sp = reader<SePort>(p);
    const port = asPort(sp('number'));
    if (port !== undefined) ports.push({ port, name: asText(sp('name')), protocol: (asText(sp('protocol')) ?? '').toUpperCase() });
  }
  const visibility = parseExportTo(asStringArray(spec('exportTo')), identity.namespace);
  return asStringArray(spec('hosts')).map((host) => ({
    host: host.toLowerCase(),
    namespace: identity.namespace,
    identity,
    ports,
    visibility,
  }));
}

/** Hosts indexed for lookup: exact names in a map, wildcard ServiceEntry hosts most specific first. */
export class ServiceRegistry {
  private readonly exact = new Map<string, ServiceInfo[]>();
  private readonly wildcards: ServiceInfo[] = [];

  constructor(services: readonly KubeObject[], serviceEntries: readonly KubeObject[], domain: string) {
    // Kubernetes Services first, then ServiceEntries oldest first: the first visible entry wins a host.
    const entries = [
      ...services.map((s) => kubernetesService(s, domain)),
      ...serviceEntries.flatMap(serviceEntryHosts).sort((a, b) => compareByAge(a.identity, b.identity)),
    ];
    for (const info of entries) {
      if (isWildcard(info.host)) this.wildcards.push(info);
      else this.exact.set(info.host, [...(this.exact.get(info.host) ?? []), info]);
    }
    this.wildcards.sort((a, b) => hostSpecificity(b.host) - hostSpecificity(a.host));
  }

  /** Whether any service (visible or not) has this exact host. */
  has(host: string): boolean {
    return this.exact.has(host);
  }

  /** The service a client in `fromNamespace` reaches at `host`, if one is visible to it. */
  lookup(host: string, fromNamespace: string): ServiceInfo | undefined {
    const exact = this.exact.get(host)?.find((s) => isVisible(s.visibility, fromNamespace));
    if (exact) return exact;
    return this.wildcards.find((s) => hostCovers(s.host, host) && isVisible(s.visibility, fromNamespace));
  }
}
