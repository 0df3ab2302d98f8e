import type { PodView } from '../api';
import { StatusDot } from './Badge';
import type { Tone } from './Badge';
import './PodList.css';

export function podTone(pod: PodView): Tone {
  if (pod.status === 'Terminating') return 'neutral';
  if (pod.ready) return 'ok';
  if (pod.phase === 'Succeeded') return 'neutral';
  if (pod.phase === 'Failed' || /BackOff|Err|Crash|OOM/i.test(pod.status)) return 'danger';
  return 'warn';
}

/** The pods of a workload or service, compact, for a detail panel. */
export function PodList({ pods, limit = 200 }: { pods: readonly PodView[]; limit?: number }) {
  if (pods.length === 0) return <span className="subtle">No pods</span>;
  const shown = pods.slice(0, limit);
  return (
    <div className="pod-list" role="table" aria-label="Pods">
      {shown.map((pod) => {
        const readyContainers = pod.containers.filter((c) => c.ready).length;
        return (
          <div key={`${pod.namespace}/${pod.name}`} className="pod-list-row" role="row">
            <span role="cell" className="pod-list-name" title={pod.name}>
              <StatusDot tone={podTone(pod)} title={pod.status}>
                {pod.name}
              </StatusDot>
            </span>
            <span role="cell" className="pod-list-status" title={pod.status}>
              {pod.status}
            </span>
            <span role="cell" className="pod-list-num" title="Ready containers">
              {readyContainers}/{pod.containers.length}
            </span>
            <span role="cell" className={`pod-list-num${pod.restarts ? ' is-warn' : ''}`} title="Restarts">
              ↻{pod.restarts}
            </span>
            <span role="cell" className="pod-list-ip" title={pod.nodeName ? `on ${pod.nodeName}` : undefined}>
              {pod.podIP ?? '—'}
            </span>
          </div>
        );
      })}
      {pods.length > shown.length ? <div className="subtle">and {pods.length - shown.length} more</div> : null}
    </div>
  );
}
