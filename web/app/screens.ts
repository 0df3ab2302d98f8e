import type { IconName } from '../ui/Icon';

export interface ScreenInfo {
  readonly path: string;
  readonly label: string;
  readonly icon: IconName;
  /** Pressed after "g" to go there, e.g. "g w" for Workloads. */
  readonly key: string;
  /** For screens still to be built: what they will show, in a few words and in a sentence. */
  readonly headline?: string;
  readonly purpose?: string;
}

export const SCREENS: readonly ScreenInfo[] = [
  {
    path: '/overview',
    label: 'Overview',
    icon: 'overview',
    key: 'o',
    headline: 'Mesh health at a glance',
    purpose:
      'The health of the mesh at a glance: request rate, error rate and latency per namespace, the state of the control plane, and the configuration problems that need attention first.',
  },
  {
    path: '/topology',
    label: 'Topology',
    icon: 'topology',
    key: 't',
    headline: 'Who calls whom, live',
    purpose:
      'A live graph of who calls whom (services, workloads and gateways) with request rate, error rate and mTLS on every edge, laid out for meshes of thousands of workloads.',
  },
  { path: '/workloads', label: 'Workloads', icon: 'workloads', key: 'w' },
  { path: '/services', label: 'Services', icon: 'services', key: 's' },
  { path: '/config', label: 'Istio Config', icon: 'config', key: 'c' },
  {
    path: '/metrics',
    label: 'Metrics',
    icon: 'metrics',
    key: 'm',
    headline: 'Istio\'s standard metrics',
    purpose:
      "Istio's standard request, latency and TCP metrics for any service or workload over the selected time range, from Prometheus, with inbound and outbound side by side.",
  },
  {
    path: '/traces',
    label: 'Traces',
    icon: 'traces',
    key: 'r',
    headline: 'Distributed traces',
    purpose:
      'Search Jaeger traces by service, operation, tags and duration, and read each trace as a waterfall of the Envoy spans at every hop.',
  },
  {
    path: '/logs',
    label: 'Logs',
    icon: 'logs',
    key: 'l',
    headline: 'Application and proxy logs',
    purpose:
      "Follow the logs of a workload's pods, application and istio-proxy containers side by side, filtered as they stream.",
  },
  {
    path: '/canary',
    label: 'Canary',
    icon: 'canary',
    key: 'y',
    headline: 'Progressive traffic shifting',
    purpose:
      'Shift traffic between versions step by step through VirtualService weights while watching error rate and latency, and roll back in one move.',
  },
  {
    path: '/security',
    label: 'Security',
    icon: 'security',
    key: 'x',
    headline: 'mTLS and authorization posture',
    purpose:
      'Where traffic is mutual TLS, which PeerAuthentication mode applies to each workload, and what each AuthorizationPolicy allows or denies.',
  },
];
