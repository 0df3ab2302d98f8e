import { isIP } from 'node:net';
import type { StatusCause } from '../../../../mesh/kube-types';
import { duplicate, invalid, required } from '../causes';
import { isDns1123Label } from '../names';
import {
  exportToCauses,
  fqdnError,
  isHttpProtocol,
  isTlsProtocol,
  labelCauses,
  portCauses,
  protocolCauses,
  subnetCauses,
  wildcardDomainError,
  workloadSelectorCauses,
} from './common';
import { specAs, type Rule, type ServiceEntrySpec } from './types';

const UNIX_PREFIX = 'unix://';

export const serviceEntryRule: Rule = (obj) => {
  const spec = specAs<ServiceEntrySpec>(obj) ?? {};
  const hosts = spec.hosts ?? [];
  const causes: StatusCause[] = [];
  if (spec.workloadSelector && spec.endpoints) {
    causes.push(invalid('spec.workloadSelector', 'object', 'only one of WorkloadSelector or Endpoints is allowed in Service Entry'));
  }
  if (hosts.length === 0) causes.push(required('spec.hosts', 'service entry must have at least one host'));
  hosts.forEach((host, i) => {
    const error = host === '*' ? `invalid host ${host}` : wildcardDomainError(host);
    if (error) causes.push(invalid(`spec.hosts[${i}]`, host, error));
  });
  const addresses = spec.addresses ?? [];
  addresses.forEach((address, i) => causes.push(...subnetCauses(`spec.addresses[${i}]`, address)));
  const resolution = spec.resolution ?? 'NONE';
  if (addresses.some((a) => a.includes('/')) && resolution !== 'NONE' && resolution !== 'STATIC') {
    causes.push(invalid('spec.addresses', addresses.join(','), 'CIDR addresses are allowed only for NONE/STATIC resolution types'));
  }
  causes.push(...portListCauses(spec.ports ?? []));
  causes.push(...resolutionCauses(spec, resolution));
  causes.push(...workloadSelectorCauses('spec.workloadSelector.labels', spec.workloadSelector?.labels));
  causes.push(...exportToCauses('spec.exportTo', spec.exportTo));
  return causes;
};

function portListCauses(ports: NonNullable<ServiceEntrySpec['ports']>): StatusCause[] {
  return ports.flatMap((port, i) => {
    const field = `spec.ports[${i}]`;
    const causes = [...portCauses(`${field}.number`, port.number), ...protocolCauses(`${field}.protocol`, port.protocol)];
    causes.push(...portCauses(`${field}.targetPort`, port.targetPort || undefined));
    if (!port.name || !isDns1123Label(port.name)) causes.push(invalid(`${field}.name`, port.name ?? '', `invalid port name: ${port.name ?? ''}`));
    if (port.name && ports.findIndex((p) => p.name === port.name) !== i) causes.push(duplicate(`${field}.name`, port.name));
    if (ports.findIndex((p) => p.number === port.number) !== i) causes.push(duplicate(`${field}.number`, port.number));
    return causes;
  });
}

/** What each resolution mode needs from hosts and endpoints. */
function resolutionCauses(spec: ServiceEntrySpec, resolution: string): StatusCause[] {
  const endpoints = spec.endpoints ?? [];
  const hosts = spec.hosts ?? [];
  const portNames = new Set((spec.ports ?? []).map((p) => p.name));
  const causes: StatusCause[] = [];
  if (resolution === 'NONE' && endpoints.length > 0) {
    causes.push(invalid('spec.endpoints', 'array', 'no endpoints should be provided for resolution type none'));
  }
  if (resolution === 'STATIC' && endpoints.length === 0 && !spec.workloadSelector) {
    causes.push(required('spec.endpoints', 'endpoints must be provided if service entry discovery mode is static'));
  }
  if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && endpoints.length === 0) {
    hosts.forEach((host, i) => {
      if (fqdnError(host)) causes.push(invalid(`spec.hosts[${i}]`, host, `hosts must be FQDN if no endpoints are provided for resolution mode ${resolution}`));
    });
  }
  if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) {
    causes.push(invalid('spec.endpoints', endpoints.length, 'there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN'));
  }
  endpoints.forEach((endpoint, i) => {
    const field = `spec.endpoints[${i}]`;
    const address = endpoint.address ?? '';
    if (resolution === 'STATIC' && address && !address.startsWith(UNIX_PREFIX) && !isIP(address)) {
      causes.push(invalid(`${field}.address`, address, `${address} is not a valid IP`));
    }
    if (resolution.startsWith('DNS') && address && !isIP(address) && fqdnError(address)) {
      causes.push(invalid(`${field}.address`, address, `endpoint address ${JSON.stringify(address)} is not a valid FQDN or an IP address`));
    }
    for (const [name, port] of Object.entries(endpoint.ports ?? {})) {
      if (!portNames.has(name)) causes.push(invalid(`${field}.ports[${name}]`, port, `endpoint port ${port} is not defined by the service entry`));
      causes.push(...portCauses(`${field}.ports[${name}]`, port));
    }
    causes.push(...labelCauses(`${field}.labels`, endpoint.labels));
  });
  const ports = spec.ports ?? [];
  if (resolution !== 'NONE' && hosts.length > 1 && ports.some((p) => !isHttpProtocol(p.protocol) && !isTlsProtocol(p.protocol))) {
    causes.push(invalid('spec.hosts', hosts.join(','), 'multiple hosts provided with non-HTTP, non-TLS ports'));
  }
  return causes;
}
