/** What a pod's data plane looks like to an operator: sidecar (and whether it is ready), ambient, or none. */
import type { PodView } from '../../api';
import type { Tone } from '../../ui';
import { SIDECAR_CONTAINER } from '../workloads';
import type { WorkloadDataplane } from '../workloads';

export interface ProxyStatus {
  readonly mode: 'sidecar' | 'ambient' | 'none';
  readonly text: string;
  readonly tone: Tone;
  /** The proxy image's tag, e.g. "1.24.2". */
  readonly version?: string;
}

export function proxyStatus(pod: PodView, workloadDataplane: WorkloadDataplane): ProxyStatus {
  const proxy = pod.containers.find((c) => c.name === SIDECAR_CONTAINER);
  if (proxy) {
    const version = /:([^:/@]+)$/.exec(proxy.image)?.[1];
    if (proxy.ready) return { mode: 'sidecar', text: 'istio-proxy ready', tone: 'ok', version };
    const why = proxy.reason ?? proxy.state;
    return { mode: 'sidecar', text: `istio-proxy not ready${why ? ` (${why})` : ''}`, tone: 'danger', version };
  }
  if (pod.initContainerNames.includes(SIDECAR_CONTAINER)) return { mode: 'sidecar', text: 'istio-proxy (native sidecar)', tone: 'ok' };
  if (workloadDataplane === 'ambient') return { mode: 'ambient', text: 'ambient: traffic through ztunnel', tone: 'info' };
  return { mode: 'none', text: 'no sidecar: not in the mesh', tone: 'warn' };
}
