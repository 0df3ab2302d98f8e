import { Suspense, lazy } from 'react';
import { useUrlParam } from '../../app/url-state';
import { EmptyState, LoadingPane, Select } from '../../ui';
import type { DetailSubject } from './subject';

const AccessLogPanel = lazy(() => import('./telemetry-panels').then((m) => ({ default: m.AccessLogPanel })));

/**
 * A workload's logs; for a service or an app, its workloads' logs merged, or one of them
 * (`workload` in the URL) for a service.
 */
export function LogsTab({ subject }: { subject: DetailSubject }) {
  const [picked, setPicked] = useUrlParam('workload');
  const names = subject.workloads.map((w) => w.name);
  const [first, ...rest] = names;
  if (!first) {
    return <EmptyState title="No workloads">{`No pods back ${subject.name}, so there is no proxy to read access logs from.`}</EmptyState>;
  }
  const one = names.includes(picked) ? picked : '';
  return (
    <div className="detail-logs">
      {names.length > 1 ? (
        <div className="toolbar">
          <Select
            label="Workload"
            value={one}
            onChange={(value) => setPicked(value)}
            options={[{ value: '', label: `All ${names.length} workloads` }, ...names.map((value) => ({ value, label: value }))]}
          />
        </div>
      ) : null}
      <Suspense fallback={<LoadingPane label="Loading the logs…" />}>
        <AccessLogPanel
          key={one}
          namespace={subject.namespace}
          workload={one || first}
          workloads={one ? undefined : rest}
        />
      </Suspense>
    </div>
  );
}
