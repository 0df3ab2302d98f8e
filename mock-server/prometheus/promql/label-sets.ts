import { getLabel, labelsKey, METRIC_NAME, type Labels } from '../labels';
import { DUPLICATE_LABELSET, ExecutionError } from './errors';

/**
 * Whether all label sets carry the same metric name (or none). Then dropping the name cannot
 * make two distinct sets equal, and the costly uniqueness check can be skipped.
 */
export function shareMetricName(labelSets: readonly Labels[]): boolean {
  if (labelSets.length < 2) return true;
  const name = getLabel(labelSets[0] as Labels, METRIC_NAME);
  for (const labels of labelSets) if (getLabel(labels, METRIC_NAME) !== name) return false;
  return true;
}

/** Prometheus refuses results in which two series have the same labels. */
export function assertUniqueLabels(labelSets: readonly Labels[]): void {
  const seen = new Set<string>();
  for (const labels of labelSets) {
    const key = labelsKey(labels);
    if (seen.has(key)) throw new ExecutionError(DUPLICATE_LABELSET);
    seen.add(key);
  }
}
