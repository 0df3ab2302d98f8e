import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { isDns1123Label } from '../names';
import { percentCauses, portCauses, wildcardDomainError } from './common';
import type { Destination, WeightedDestination } from './types';

/** A route's destinations: each with a valid host, and weights that add up to 100 when split. */
export function weightedDestinationCauses(field: string, routes: readonly WeightedDestination[] | null | undefined): StatusCause[] {
  const list = routes ?? [];
  const causes = list.flatMap((route, i) => [
    ...(route.destination ? destinationCauses(`${field}[${i}].destination`, route.destination) : [required(`${field}[${i}].destination`)]),
    ...percentCauses(`${field}[${i}].weight`, route.weight),
  ]);
  const total = list.reduce((sum, route) => sum + (route.weight ?? 0), 0);
  if (list.length > 1 && total !== 100) causes.push(invalid(field, total, `total destination weight ${total} != 100`));
  return causes;
}

export function destinationCauses(field: string, destination: Destination): StatusCause[] {
  const causes: StatusCause[] = [];
  const host = destination.host;
  if (!host) causes.push(required(`${field}.host`));
  else if (host === '*') causes.push(invalid(`${field}.host`, host, `invalid destination host ${host}`));
  else {
    const error = wildcardDomainError(host);
    if (error) causes.push(invalid(`${field}.host`, host, error));
  }
  if (destination.subset && !isDns1123Label(destination.subset)) {
    causes.push(invalid(`${field}.subset`, destination.subset, `subset name is invalid: ${destination.subset}`));
  }
  causes.push(...portCauses(`${field}.port.number`, destination.port?.number));
  return causes;
}
