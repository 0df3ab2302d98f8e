import { isIP } from 'node:net';
import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid } from '../causes';
import { isDns1123Label } from '../names';
import { wildcardDomainError } from './common';

/**
 * Gateway and Sidecar hosts: "namespace/dnsName", where the namespace may be "*" or "." (and "~"
 * in a Sidecar) and the name may be a wildcard. A Gateway also accepts a bare host or an IP.
 */
export function namespacedHostCauses(field: string, host: string, owner: 'gateway' | 'sidecar'): StatusCause[] {
  const slash = host.indexOf('/');
  if (slash < 0) {
    return owner === 'gateway' ? hostPartCauses(field, host, host, owner) : [invalid(field, host, 'host must be of form namespace/dnsName')];
  }
  const namespace = host.slice(0, slash);
  const name = host.slice(slash + 1);
  if (!namespace || !name) return [invalid(field, host, 'config namespace and dnsName in host entry cannot be empty')];
  const special = owner === 'sidecar' ? ['*', '.', '~'] : ['*', '.'];
  if (!special.includes(namespace) && !isDns1123Label(namespace)) {
    return [invalid(field, host, `invalid namespace value ${JSON.stringify(namespace)} in ${owner}`)];
  }
  return hostPartCauses(field, host, name, owner);
}

function hostPartCauses(field: string, host: string, name: string, owner: 'gateway' | 'sidecar'): StatusCause[] {
  if (name !== '*' && !name.includes('.') && !(owner === 'gateway' && isIP(name))) {
    return [invalid(field, host, 'short names (non FQDN) are not allowed')];
  }
  const error = wildcardDomainError(name);
  if (!error || (owner === 'gateway' && isIP(name))) return [];
  return [invalid(field, host, error)];
}
