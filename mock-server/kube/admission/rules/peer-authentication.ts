import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid } from '../causes';
import { portCauses, workloadSelectorCauses } from './common';
import { specAs, type PeerAuthenticationSpec, type Rule } from './types';

/** Port-level mTLS applies to the ports of selected workloads, so it needs a workload selector. */
export const peerAuthenticationRule: Rule = (obj) => {
  const spec = specAs<PeerAuthenticationSpec>(obj) ?? {};
  const portLevel = spec.portLevelMtls;
  const ports = Object.keys(portLevel ?? {});
  const causes: StatusCause[] = [...workloadSelectorCauses('spec.selector.matchLabels', spec.selector?.matchLabels)];
  const hasSelector = Object.keys(spec.selector?.matchLabels ?? {}).length > 0;
  if (portLevel && ports.length === 0) {
    causes.push(invalid('spec.portLevelMtls', 'object', 'port level mTLS, if defined, must have at least one element'));
  }
  if (ports.length > 0 && !hasSelector) {
    causes.push(invalid('spec.portLevelMtls', 'object', 'mesh/namespace peer authentication cannot have port level mTLS'));
  }
  for (const port of ports) {
    const field = `spec.portLevelMtls[${port}]`;
    if (!/^\d+$/.test(port)) causes.push(invalid(field, port, 'port must be a number'));
    else if (Number(port) === 0) causes.push(invalid(field, 0, 'port cannot be 0'));
    else causes.push(...portCauses(field, Number(port)));
  }
  return causes;
};
