import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { portCauses, protocolCauses, workloadSelectorCauses } from './common';
import { namespacedHostCauses } from './namespaced-host';
import { specAs, type Rule, type SidecarSpec } from './types';

const DEFAULT_ENDPOINT = /^(unix:\/\/.+|(127\.0\.0\.1|0\.0\.0\.0|\[::1\]|\[::\])?:\d+)$/;

export const sidecarRule: Rule = (obj) => {
  const spec = specAs<SidecarSpec>(obj) ?? {};
  const ingress = spec.ingress ?? [];
  const egress = spec.egress ?? [];
  if (ingress.length === 0 && egress.length === 0 && !spec.outboundTrafficPolicy && !spec.inboundConnectionPool) {
    return [invalid('spec', 'object', 'sidecar: empty configuration provided')];
  }
  return [
    ...workloadSelectorCauses('spec.workloadSelector.labels', spec.workloadSelector?.labels),
    ...ingressCauses(ingress),
    ...egressCauses(egress),
    ...(spec.outboundTrafficPolicy?.egressProxy && spec.outboundTrafficPolicy.mode !== 'ALLOW_ANY'
      ? [invalid('spec.outboundTrafficPolicy.egressProxy', 'object', 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode')]
      : []),
  ];
};

function ingressCauses(ingress: NonNullable<SidecarSpec['ingress']>): StatusCause[] {
  return ingress.flatMap((listener, i) => {
    const field = `spec.ingress[${i}]`;
    if (!listener.port) return [required(`${field}.port`, 'sidecar: port is required for ingress listeners')];
    const causes = [...portCauses(`${field}.port.number`, listener.port.number), ...protocolCauses(`${field}.port.protocol`, listener.port.protocol)];
    if (ingress.findIndex((l) => l.port?.number === listener.port?.number) !== i) {
      causes.push(invalid(`${field}.port.number`, listener.port.number, 'sidecar: ports on IP bound listeners must be unique'));
    }
    const endpoint = listener.defaultEndpoint;
    if (endpoint && !DEFAULT_ENDPOINT.test(endpoint)) {
      causes.push(
        invalid(`${field}.defaultEndpoint`, endpoint, 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:port, [::]:port, unix://filepath, or unset'),
      );
    }
    return causes;
  });
}

function egressCauses(egress: NonNullable<SidecarSpec['egress']>): StatusCause[] {
  return egress.flatMap((listener, i) => {
    const field = `spec.egress[${i}]`;
    const causes: StatusCause[] = [];
    if (!listener.port && i !== egress.length - 1) {
      causes.push(invalid(field, 'object', 'sidecar: the egress listener with empty port should be the last listener in the list'));
    }
    if (listener.port) {
      causes.push(...portCauses(`${field}.port.number`, listener.port.number || undefined), ...protocolCauses(`${field}.port.protocol`, listener.port.protocol));
    }
    const hosts = listener.hosts ?? [];
    if (hosts.length === 0) causes.push(required(`${field}.hosts`, 'sidecar: egress listener must contain at least one host'));
    hosts.forEach((host, j) => causes.push(...namespacedHostCauses(`${field}.hosts[${j}]`, host, 'sidecar')));
    return causes;
  });
}
