import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { portCauses, subnetCauses } from './common';
import { policyTargetCauses } from './policy-target';
import { specAs, type AuthorizationPolicySpec, type AuthorizationRule, type Rule } from './types';

const IP_FIELDS = ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'];
const PORT_FIELDS = ['ports', 'notPorts'];

export const authorizationPolicyRule: Rule = (obj) => {
  const spec = specAs<AuthorizationPolicySpec>(obj) ?? {};
  const action = spec.action ?? 'ALLOW';
  const causes = policyTargetCauses(spec);
  if (action === 'CUSTOM' && !spec.provider?.name) {
    causes.push(required('spec.provider.name', 'a CUSTOM action needs the name of an extension provider'));
  }
  if (action !== 'CUSTOM' && spec.provider) {
    causes.push(invalid('spec.provider', 'object', `a provider can only be used with the CUSTOM action, not ${action}`));
  }
  if (action === 'DENY' && !spec.rules) {
    causes.push(required('spec.rules', 'a deny policy without `rules` is meaningless and has no effect'));
  }
  (spec.rules ?? []).forEach((rule, i) => causes.push(...ruleCauses(`spec.rules[${i}]`, rule)));
  return causes;
};

function ruleCauses(field: string, rule: AuthorizationRule): StatusCause[] {
  const causes: StatusCause[] = [];
  if (rule.from && rule.from.length === 0) causes.push(invalid(`${field}.from`, 'array', '`from` must not be empty'));
  (rule.from ?? []).forEach((from, j) => causes.push(...matcherCauses(`${field}.from[${j}].source`, from.source, '`from.source`')));
  if (rule.to && rule.to.length === 0) causes.push(invalid(`${field}.to`, 'array', '`to` must not be empty'));
  (rule.to ?? []).forEach((to, j) => causes.push(...matcherCauses(`${field}.to[${j}].operation`, to.operation, '`to.operation`')));
  (rule.when ?? []).forEach((condition, j) => {
    const at = `${field}.when[${j}]`;
    if (!condition.key) causes.push(required(`${at}.key`, '`key` must not be empty'));
    else if (!condition.values?.length && !condition.notValues?.length) {
      causes.push(required(`${at}.values`, `at least one of \`values\` or \`notValues\` must be set for key ${condition.key}`));
    }
    causes.push(...emptyValueCauses(`${at}.values`, condition.values), ...emptyValueCauses(`${at}.notValues`, condition.notValues));
  });
  return causes;
}

/** A source or an operation: at least one field set, no empty strings, valid IPs and ports. */
function matcherCauses(field: string, matcher: Record<string, string[] | null | undefined> | null | undefined, what: string): StatusCause[] {
  if (!matcher) return [required(field, `${what} must not be nil`)];
  const lists = Object.entries(matcher);
  if (!lists.some(([, values]) => values?.length)) return [invalid(field, 'object', `${what} must not be empty`)];
  return lists.flatMap(([name, values]) => [
    ...emptyValueCauses(`${field}.${name}`, values),
    ...(IP_FIELDS.includes(name) ? (values ?? []).flatMap((v, k) => (v ? subnetCauses(`${field}.${name}[${k}]`, v) : [])) : []),
    ...(PORT_FIELDS.includes(name) ? (values ?? []).flatMap((v, k) => portStringCauses(`${field}.${name}[${k}]`, v)) : []),
  ]);
}

function emptyValueCauses(field: string, values: readonly string[] | null | undefined): StatusCause[] {
  return (values ?? []).flatMap((value, k) => (value === '' ? [invalid(`${field}[${k}]`, value, 'empty value is not allowed')] : []));
}

function portStringCauses(field: string, value: string): StatusCause[] {
  if (value === '') return [];
  return /^\d+$/.test(value) ? portCauses(field, Number(value)) : [invalid(field, value, `invalid port: ${value}`)];
}
