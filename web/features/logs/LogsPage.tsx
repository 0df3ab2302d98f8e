import { useMemo } from 'react';
import { useNamespaces, useUrlParam } from '../../app/url-state';
import { EmptyState, Page, PageHeader, Select } from '../../ui';
import { useWorkloads } from '../workloads';
import { AccessLogPanel } from './AccessLogPanel';

/** `workload=<namespace>/<name>` in the URL. */
export function parseWorkloadParam(value: string): { namespace: string; name: string } | undefined {
  const match = /^([^/]+)\/([^/]+)$/.exec(value);
  return match ? { namespace: match[1]!, name: match[2]! } : undefined;
}

/** /logs: pick a workload (in the namespaces of the top bar), read its proxies' access logs. */
export function LogsPage() {
  const [namespaces] = useNamespaces();
  const [param, setParam] = useUrlParam('workload');
  const { workloads, isLoading } = useWorkloads(namespaces);
  const selected = parseWorkloadParam(param);
  const options = useMemo(() => {
    const values = workloads
      .filter((w) => w.pods.length > 0)
      .map((w) => `${w.namespace}/${w.name}`)
      .sort((a, b) => a.localeCompare(b));
    if (param && !values.includes(param)) values.unshift(param);
    return [{ value: '', label: isLoading ? 'Loading workloads…' : 'Pick a workload…' }, ...values.map((value) => ({ value, label: value }))];
  }, [workloads, param, isLoading]);

  return (
    <Page>
      <PageHeader
        title="Access logs"
        meta={selected ? `${selected.name} in ${selected.namespace}` : undefined}
        actions={<Select label="Workload" value={param} options={options} onChange={(value) => setParam(value)} />}
      />
      {selected ? (
        <AccessLogPanel key={param} namespace={selected.namespace} workload={selected.name} />
      ) : (
        <EmptyState title="Pick a workload">
          Its pods’ istio-proxy access logs appear here, merged by time: each request with its status, response flags, duration,
          upstream and the request id that leads to its trace.
        </EmptyState>
      )}
    </Page>
  );
}
