/**
 * What a detail page is about, resolved from the cluster's lists: the workload itself; a service and
 * the workloads whose pods it selects; or an app (canonical service) and its workloads (versions).
 */
import { matchesSelector, selectorFromMap } from '../../api';
import type { PodView, ServiceView } from '../../api';
import type { DetailKind } from '../../app/links';
import type { Workload } from '../workloads';

export interface DetailSubject {
  readonly kind: DetailKind;
  readonly namespace: string;
  readonly name: string;
  readonly workloads: readonly Workload[];
  readonly pods: readonly PodView[];
  /** The services whose selector picks these pods; for a service page, the service itself. */
  readonly services: readonly ServiceView[];
  readonly service?: ServiceView;
  readonly labels: Readonly<Record<string, string>>;
  /** The app (canonical service) name Istio reports these pods under. */
  readonly app?: string;
}

function selects(service: ServiceView, pods: readonly PodView[]): boolean {
  const selector = service.selector;
  return selector !== undefined && pods.some((pod) => pod.namespace === service.namespace && matchesSelector(pod.labels, selectorFromMap(selector)));
}

/** The subject, or undefined when there is no such workload, service or app. */
export function deriveSubject(
  kind: DetailKind,
  namespace: string,
  name: string,
  workloads: readonly Workload[],
  services: readonly ServiceView[],
): DetailSubject | undefined {
  const inNamespace = workloads.filter((w) => w.namespace === namespace);
  const servicesHere = services.filter((s) => s.namespace === namespace);
  if (kind === 'service') {
    const service = servicesHere.find((s) => s.name === name);
    if (!service) return undefined;
    const behind = inNamespace.filter((w) => selects(service, w.pods));
    const pods = behind.flatMap((w) => w.pods).filter((pod) => service.selector && matchesSelector(pod.labels, selectorFromMap(service.selector)));
    const apps = [...new Set(behind.map((w) => w.app).filter((a): a is string => Boolean(a)))];
    return { kind, namespace, name, workloads: behind, pods, services: [service], service, labels: service.labels, app: apps.length === 1 ? apps[0] : undefined };
  }
  const chosen = kind === 'workload' ? inNamespace.filter((w) => w.name === name) : inNamespace.filter((w) => w.app === name);
  if (chosen.length === 0) return undefined;
  const pods = chosen.flatMap((w) => w.pods);
  const labels = kind === 'workload' ? (chosen[0]?.labels ?? {}) : commonLabels(chosen.map((w) => w.labels));
  return {
    kind,
    namespace,
    name,
    workloads: chosen,
    pods,
    services: servicesHere.filter((s) => selects(s, pods)),
    labels,
    app: kind === 'app' ? name : chosen[0]?.app,
  };
}

/** The labels every one of the maps has, with the same value. */
export function commonLabels(maps: readonly Readonly<Record<string, string>>[]): Record<string, string> {
  const [first, ...rest] = maps;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([key, value]) => rest.every((m) => m[key] === value)));
}
