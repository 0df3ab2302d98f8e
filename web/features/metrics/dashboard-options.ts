/** The dashboard's own URL parameters: `by` (grouping) and `reporter`. */
import { useCallback } from 'react';
import { GROUP_BYS, REPORTER_CHOICES } from '../../../mesh/telemetry/dashboards';
import type { GroupBy, ReporterChoice } from '../../../mesh/telemetry/dashboards';
import type { Direction } from '../../../mesh/telemetry/promql';
import { useUrlParam } from '../../app/url-state';

/** The reporter a direction uses unless told otherwise: the proxy on the scope's side. */
export function defaultReporter(direction: Direction): ReporterChoice {
  return direction === 'inbound' ? 'destination' : 'source';
}

export function parseGroupBy(text: string): GroupBy {
  return GROUP_BYS.find((g) => g === text) ?? 'none';
}

export function parseReporter(text: string, direction: Direction): ReporterChoice {
  return REPORTER_CHOICES.find((r) => r === text) ?? defaultReporter(direction);
}

export interface DashboardOptions {
  readonly groupBy: GroupBy;
  readonly reporter: ReporterChoice;
  setGroupBy(groupBy: GroupBy): void;
  setReporter(reporter: ReporterChoice): void;
}

export function useDashboardOptions(direction: Direction): DashboardOptions {
  const [byText, setByText] = useUrlParam('by');
  const [reporterText, setReporterText] = useUrlParam('reporter');
  const setGroupBy = useCallback((next: GroupBy) => setByText(next === 'none' ? '' : next), [setByText]);
  const setReporter = useCallback(
    (next: ReporterChoice) => setReporterText(next === defaultReporter(direction) ? '' : next),
    [setReporterText, direction],
  );
  return { groupBy: parseGroupBy(byText), reporter: parseReporter(reporterText, direction), setGroupBy, setReporter };
}
