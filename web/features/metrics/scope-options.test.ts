import { describe, expect, it } from 'vitest';
import type { DeploymentView, ServiceView } from '../../api';
import { scopeNames } from './scope-options';

function deployment(namespace: string, name: string, podLabels: Record<string, string>): DeploymentView {
  return { name, namespace, labels: {}, selector: { matchLabels: {}, matchExpressions: [] }, replicas: 1, templateLabels: podLabels, templateAnnotations: {}, containers: [] };
}

const deployments = [
  deployment('bookinfo', 'reviews-v2', { app: 'reviews', version: 'v2' }),
  deployment('bookinfo', 'reviews-v1', { app: 'reviews', version: 'v1' }),
  deployment('bookinfo', 'details-v1', { 'service.istio.io/canonical-name': 'details', app: 'ignored' }),
  deployment('bookinfo', 'loner', {}),
  deployment('shop', 'cart', { app: 'cart' }),
];
const services: ServiceView[] = [
  { name: 'reviews', namespace: 'bookinfo', labels: {}, type: 'ClusterIP', ports: [] },
  { name: 'cart', namespace: 'shop', labels: {}, type: 'ClusterIP', ports: [] },
];

describe('scopeNames', () => {
  it('lists workloads, apps (canonical services) and services of one namespace, sorted and unique', () => {
    expect(scopeNames('workload', 'bookinfo', deployments, services)).toEqual(['details-v1', 'loner', 'reviews-v1', 'reviews-v2']);
    expect(scopeNames('app', 'bookinfo', deployments, services)).toEqual(['details', 'loner', 'reviews']);
    expect(scopeNames('service', 'bookinfo', deployments, services)).toEqual(['reviews']);
  });
});
