/** What Istio adds to a pod: the injected sidecar for 'injected', the ztunnel redirection mark for 'ambient'. */
import type { SidecarMode } from '../../model';
import type { ContainerSpec } from './containers';

export const ISTIO_VERSION = '1.24.2';
export const ISTIO_REVISION = 'default';
export const PROXY_IMAGE = `docker.io/istio/proxyv2:${ISTIO_VERSION}`;

/** How the istio-proxy binary runs: beside an app, as a gateway, or as a waypoint. */
export type ProxyMode = 'sidecar' | 'router' | 'waypoint';

export function proxyContainer(mode: ProxyMode, ports: ContainerSpec['ports'] = []): ContainerSpec {
  return {
    name: 'istio-proxy',
    image: PROXY_IMAGE,
    args: [
      'proxy',
      mode,
      '--domain',
      '$(POD_NAMESPACE).svc.cluster.local',
      '--proxyLogLevel=warning',
      '--proxyComponentLogLevel=misc:error',
      '--log_output_level=default:info',
    ],
    ports: [...ports, { name: 'http-envoy-prom', containerPort: 15090 }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2', memory: '1Gi' } },
  };
}

const ISTIO_INIT: ContainerSpec = {
  name: 'istio-init',
  image: PROXY_IMAGE,
  args: [
    'istio-iptables',
    '-p', '15001',
    '-z', '15006',
    '-u', '1337',
    '-m', 'REDIRECT',
    '-i', '*',
    '-x', '',
    '-b', '*',
    '-d', '15090,15021,15020',
    '--log_output_level=default:info',
  ],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2', memory: '1Gi' } },
};

/** The annotation the injector leaves behind, byte for byte in the shape Istio writes it. */
const SIDECAR_STATUS = JSON.stringify({
  initContainers: ['istio-init'],
  containers: ['istio-proxy'],
  volumes: [
    'workload-socket',
    'credential-socket',
    'workload-certs',
    'istio-envoy',
    'istio-data',
    'istio-podinfo',
    'istio-token',
    'istiod-ca-cert',
  ],
  imagePullSecrets: null,
  revision: ISTIO_REVISION,
});

export interface DataPlaneAdditions {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  initContainers: ContainerSpec[];
  containers: ContainerSpec[];
}

/** The labels, annotations and containers a pod gains from joining the mesh in `mode`. */
export function dataPlaneAdditions(
  mode: SidecarMode,
  canonical: { name: string; revision: string; mainContainer: string },
): DataPlaneAdditions {
  switch (mode) {
    case 'injected':
      return {
        labels: {
          'security.istio.io/tlsMode': 'istio',
          'service.istio.io/canonical-name': canonical.name,
          'service.istio.io/canonical-revision': canonical.revision,
        },
        annotations: {
          'istio.io/rev': ISTIO_REVISION,
          'kubectl.kubernetes.io/default-container': canonical.mainContainer,
          'kubectl.kubernetes.io/default-logs-container': canonical.mainContainer,
          'prometheus.io/path': '/stats/prometheus',
          'prometheus.io/port': '15020',
          'prometheus.io/scrape': 'true',
          'sidecar.istio.io/status': SIDECAR_STATUS,
        },
        initContainers: [ISTIO_INIT],
        containers: [proxyContainer('sidecar')],
      };
    case 'ambient':
      return {
        labels: {},
        annotations: { 'ambient.istio.io/redirection': 'enabled' },
        initContainers: [],
        containers: [],
      };
    case 'none':
      return { labels: {}, annotations: {}, initContainers: [], containers: [] };
  }
}
