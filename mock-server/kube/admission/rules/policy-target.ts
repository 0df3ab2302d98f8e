import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid } from '../causes';
import { workloadSelectorCauses } from './common';
import type { PolicyTarget } from './types';

/** Security policies select workloads by labels or attach to targets, never both. */
export function policyTargetCauses(spec: PolicyTarget): StatusCause[] {
  const causes = workloadSelectorCauses('spec.selector.matchLabels', spec.selector?.matchLabels);
  if (spec.selector && (spec.targetRef || spec.targetRefs?.length)) {
    causes.push(invalid('spec.selector', 'object', 'only one of targetRefs or selector can be set'));
  }
  if (spec.targetRef && spec.targetRefs?.length) {
    causes.push(invalid('spec.targetRef', 'object', 'only one of targetRefs or targetRef can be set'));
  }
  return causes;
}
