/** The DestinationRule and VirtualService shapes several scenarios share. */
import type { KubeObject } from '../../../../mesh/kube-types';
import type { ScenarioBuilder } from './builder';
import { NETWORKING, configObject } from './config';

export interface SubsetWeight {
  subset: string;
  /** Percent; a route's weights add up to 100. */
  weight: number;
}

/** A DestinationRule with mTLS and, when given versions, one subset per `version` label. */
export function destinationRule(
  b: ScenarioBuilder,
  opts: {
    namespace: string;
    host: string;
    versions?: string[];
    trafficPolicy?: Record<string, unknown>;
    ageSeconds: number;
  },
): KubeObject {
  const spec: Record<string, unknown> = {
    host: opts.host,
    trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' }, ...opts.trafficPolicy },
  };
  if (opts.versions?.length) {
    spec.subsets = opts.versions.map((version) => ({ name: version, labels: { version } }));
  }
  return configObject(b, NETWORKING, 'DestinationRule', {
    namespace: opts.namespace,
    name: opts.host,
    spec,
    ageSeconds: opts.ageSeconds,
  });
}

/** A mesh VirtualService splitting all of a host's traffic over subsets. */
export function weightedVirtualService(
  b: ScenarioBuilder,
  opts: { namespace: string; host: string; weights: SubsetWeight[]; ageSeconds: number },
): KubeObject {
  const total = opts.weights.reduce((sum, w) => sum + w.weight, 0);
  if (total !== 100) throw new Error(`weights for ${opts.host} add up to ${total}, not 100`);
  const route = opts.weights.map(({ subset, weight }) => ({ destination: { host: opts.host, subset }, weight }));
  return configObject(b, NETWORKING, 'VirtualService', {
    namespace: opts.namespace,
    name: opts.host,
    spec: { hosts: [opts.host], http: [{ route }] },
    ageSeconds: opts.ageSeconds,
  });
}
