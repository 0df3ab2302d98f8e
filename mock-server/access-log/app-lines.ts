/** A few plausible lines for an application container: what it printed when it started. */
import type { KubeObject } from '../../mesh/kube-types';
import type { LogLine } from './store';

interface ContainerStatus {
  readonly name?: string;
  readonly image?: string;
  readonly state?: { readonly running?: { readonly startedAt?: string } };
}

export function appLines(pod: KubeObject, container: string): LogLine[] {
  const statuses = ((pod.status as { containerStatuses?: ContainerStatus[] } | undefined)?.containerStatuses ?? []).filter((s) => s.name === container);
  const started = Date.parse(statuses[0]?.state?.running?.startedAt ?? '');
  if (Number.isNaN(started)) return [];
  const spec = (pod.spec as { containers?: { name?: string; ports?: { containerPort?: number }[] }[] } | undefined)?.containers ?? [];
  const port = spec.find((c) => c.name === container)?.ports?.[0]?.containerPort;
  const image = statuses[0]?.image ?? container;
  const lines = [`Starting ${container} (${image})`, port === undefined ? 'Ready' : `Listening on port ${port}`, 'Ready to serve requests'];
  return lines.map((text, i) => ({ atMs: started + 150 * (i + 1) + 0.123, text: `${new Date(started + 150 * (i + 1)).toISOString()} INFO ${text}` }));
}
