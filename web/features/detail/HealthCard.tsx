import type { Health } from '../../../mesh/topology/model';
import { StatusDot } from '../../ui';
import type { Tone } from '../../ui';
import { HEALTH_WINDOW } from './health';
import { describeTelemetryError } from './telemetry-error';
import type { SubjectHealth } from './use-subject-health';

export const HEALTH_TONE: Readonly<Record<Health, Tone>> = {
  healthy: 'ok',
  degraded: 'warn',
  failure: 'danger',
  idle: 'neutral',
  unknown: 'neutral',
};

export const HEALTH_TEXT: Readonly<Record<Health, string>> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  failure: 'Failing',
  idle: 'No traffic',
  unknown: 'Unknown',
};

const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.001 ? 2 : 1)} %`;

export function HealthCard({ health }: { health: SubjectHealth }) {
  const { summary, error, isLoading } = health;
  return (
    <section className="detail-card" aria-label="Health">
      <h2 className="detail-card-title">Health</h2>
      {error ? (
        <TelemetryProblem service="Prometheus" error={error} />
      ) : isLoading || !summary ? (
        <span className="subtle">Asking Prometheus…</span>
      ) : (
        <>
          <StatusDot tone={HEALTH_TONE[summary.health]}>{HEALTH_TEXT[summary.health]}</StatusDot>
          <dl className="detail-metrics">
            <div>
              <dt>Requests</dt>
              <dd>{summary.rps.toFixed(summary.rps < 10 ? 2 : 1)} /s</dd>
            </div>
            <div>
              <dt>5xx</dt>
              <dd className={summary.serverErrorRatio > 0 ? 'is-danger' : undefined}>{percent(summary.serverErrorRatio)}</dd>
            </div>
            <div>
              <dt>4xx</dt>
              <dd className={summary.clientErrorRatio > 0.1 ? 'is-warn' : undefined}>{percent(summary.clientErrorRatio)}</dd>
            </div>
          </dl>
          <div className="subtle detail-card-note" title={health.promql}>
            Inbound, last {HEALTH_WINDOW.replace('m', ' min')}; Kiali’s tolerances (5xx: degraded above 0 %, failing from 10 %).
          </div>
        </>
      )}
    </section>
  );
}

/** "Prometheus unreachable: <reason>", and that it retries on its own. */
export function TelemetryProblem({ service, error }: { service: 'Prometheus' | 'Jaeger'; error: Error }) {
  const { title, detail } = describeTelemetryError(service, error);
  return (
    <div className="detail-telemetry-problem" role="alert">
      <strong>
        {title}: {detail}
      </strong>
      <div className="subtle">The rest of the page works without it; this card retries on its own.</div>
    </div>
  );
}
