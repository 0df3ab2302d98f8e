import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { durationCauses, nonNegativeCauses, percentCauses, portCauses } from './common';
import type { PolicyFields, TrafficPolicy } from './types';

/** A DestinationRule traffic policy, at the top level or in a subset. */
export function trafficPolicyCauses(field: string, policy: TrafficPolicy | null | undefined): StatusCause[] {
  if (!policy) return [];
  if (Object.keys(policy).length === 0) return [invalid(field, 'object', 'traffic policy must have at least one field')];
  return [
    ...policyFieldCauses(field, policy),
    ...(policy.portLevelSettings ?? []).flatMap((settings, i) => {
      const at = `${field}.portLevelSettings[${i}]`;
      const causes = settings.port ? portCauses(`${at}.port.number`, settings.port.number) : [required(`${at}.port`, 'portTrafficPolicy must have valid port')];
      const { port: _port, ...rest } = settings;
      if (Object.keys(rest).length === 0) causes.push(invalid(at, 'object', 'port traffic policy must have at least one field'));
      return [...causes, ...policyFieldCauses(at, settings)];
    }),
  ];
}

function policyFieldCauses(field: string, policy: PolicyFields): StatusCause[] {
  return [
    ...connectionPoolCauses(`${field}.connectionPool`, policy.connectionPool),
    ...outlierCauses(`${field}.outlierDetection`, policy.outlierDetection),
    ...loadBalancerCauses(`${field}.loadBalancer`, policy.loadBalancer),
    ...clientTlsCauses(`${field}.tls`, policy.tls),
  ];
}

function connectionPoolCauses(field: string, pool: PolicyFields['connectionPool']): StatusCause[] {
  if (!pool) return [];
  if (!pool.http && !pool.tcp) return [invalid(field, 'object', 'connection pool must have at least one field')];
  const { http, tcp } = pool;
  return [
    ...nonNegativeCauses(`${field}.http.http1MaxPendingRequests`, http?.http1MaxPendingRequests, 'http1 max pending requests'),
    ...nonNegativeCauses(`${field}.http.http2MaxRequests`, http?.http2MaxRequests, 'http2 max requests'),
    ...nonNegativeCauses(`${field}.http.maxRequestsPerConnection`, http?.maxRequestsPerConnection, 'max requests per connection'),
    ...nonNegativeCauses(`${field}.http.maxRetries`, http?.maxRetries, 'max retries'),
    ...nonNegativeCauses(`${field}.http.maxConcurrentStreams`, http?.maxConcurrentStreams, 'max concurrent streams'),
    ...durationCauses(`${field}.http.idleTimeout`, http?.idleTimeout),
    ...nonNegativeCauses(`${field}.tcp.maxConnections`, tcp?.maxConnections, 'max connections'),
    ...durationCauses(`${field}.tcp.connectTimeout`, tcp?.connectTimeout),
    ...durationCauses(`${field}.tcp.idleTimeout`, tcp?.idleTimeout),
    ...durationCauses(`${field}.tcp.maxConnectionDuration`, tcp?.maxConnectionDuration),
    ...durationCauses(`${field}.tcp.tcpKeepalive.time`, tcp?.tcpKeepalive?.time),
    ...durationCauses(`${field}.tcp.tcpKeepalive.interval`, tcp?.tcpKeepalive?.interval),
  ];
}

function outlierCauses(field: string, outlier: PolicyFields['outlierDetection']): StatusCause[] {
  if (!outlier) return [];
  return [
    ...durationCauses(`${field}.baseEjectionTime`, outlier.baseEjectionTime),
    ...durationCauses(`${field}.interval`, outlier.interval),
    ...percentCauses(`${field}.maxEjectionPercent`, outlier.maxEjectionPercent),
    ...percentCauses(`${field}.minHealthPercent`, outlier.minHealthPercent),
    ...nonNegativeCauses(`${field}.consecutive5xxErrors`, outlier.consecutive5xxErrors, 'consecutive 5xx errors'),
    ...nonNegativeCauses(`${field}.consecutiveGatewayErrors`, outlier.consecutiveGatewayErrors, 'consecutive gateway errors'),
  ];
}

function loadBalancerCauses(field: string, lb: PolicyFields['loadBalancer']): StatusCause[] {
  if (!lb) return [];
  const causes: StatusCause[] = [];
  const cookie = lb.consistentHash?.httpCookie;
  if (cookie && !cookie.name) causes.push(required(`${field}.consistentHash.httpCookie.name`, 'name required for HttpCookie'));
  if (cookie) causes.push(...durationCauses(`${field}.consistentHash.httpCookie.ttl`, cookie.ttl));
  const locality = lb.localityLbSetting;
  if (locality?.distribute?.length && locality.failover?.length) {
    causes.push(invalid(`${field}.localityLbSetting`, 'object', "can not simultaneously specify 'distribute' and 'failover'"));
  }
  (locality?.distribute ?? []).forEach((rule, i) => {
    const weights = Object.values(rule.to ?? {}).map(Number);
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (weights.length > 0 && total !== 100) {
      causes.push(invalid(`${field}.localityLbSetting.distribute[${i}].to`, total, `total locality weight ${total} != 100`));
    }
  });
  return causes;
}

function clientTlsCauses(field: string, tls: PolicyFields['tls']): StatusCause[] {
  if (!tls) return [];
  const usesFiles = Boolean(tls.clientCertificate || tls.privateKey || tls.caCertificates);
  if ((tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL') && tls.credentialName) {
    return usesFiles ? [invalid(field, 'object', 'cannot specify client certificates or CA certificate If credentialName is set')] : [];
  }
  if (tls.mode !== 'MUTUAL') return [];
  return [
    ...(tls.clientCertificate ? [] : [required(`${field}.clientCertificate`, 'client certificate required for mutual tls')]),
    ...(tls.privateKey ? [] : [required(`${field}.privateKey`, 'private key required for mutual tls')]),
  ];
}
