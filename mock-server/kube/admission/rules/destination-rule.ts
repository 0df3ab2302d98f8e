import type { StatusCause } from '../../../../mesh/kube-types';
import { duplicate, invalid, required } from '../causes';
import { isDns1123Label } from '../names';
import { exportToCauses, labelCauses, wildcardDomainError, workloadSelectorCauses } from './common';
import { trafficPolicyCauses } from './traffic-policy';
import { specAs, type DestinationRuleSpec, type Rule } from './types';

export const destinationRuleRule: Rule = (obj) => {
  const spec = specAs<DestinationRuleSpec>(obj) ?? { host: '' };
  return [
    ...hostCauses(spec.host),
    ...trafficPolicyCauses('spec.trafficPolicy', spec.trafficPolicy),
    ...subsetCauses(spec.subsets ?? []),
    ...workloadSelectorCauses('spec.workloadSelector.matchLabels', spec.workloadSelector?.matchLabels),
    ...exportToCauses('spec.exportTo', spec.exportTo),
  ];
};

function hostCauses(host: string | undefined): StatusCause[] {
  if (!host) return [required('spec.host')];
  const error = wildcardDomainError(host);
  return error ? [invalid('spec.host', host, error)] : [];
}

/**
 * Subset names are DNS labels, unique within the rule. A subset without labels is accepted, as
 * Istio does: it selects every endpoint of the host (useful for a per-subset traffic policy).
 */
function subsetCauses(subsets: NonNullable<DestinationRuleSpec['subsets']>): StatusCause[] {
  return subsets.flatMap((subset, i) => {
    const field = `spec.subsets[${i}]`;
    const causes: StatusCause[] = [];
    if (!subset.name) causes.push(required(`${field}.name`, 'subset name cannot be empty'));
    else if (!isDns1123Label(subset.name)) causes.push(invalid(`${field}.name`, subset.name, `subset name is invalid: ${subset.name}`));
    else if (subsets.findIndex((s) => s.name === subset.name) !== i) causes.push(duplicate(`${field}.name`, subset.name));
    causes.push(...labelCauses(`${field}.labels`, subset.labels));
    causes.push(...trafficPolicyCauses(`${field}.trafficPolicy`, subset.trafficPolicy));
    return causes;
  });
}
