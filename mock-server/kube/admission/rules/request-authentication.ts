import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { policyTargetCauses } from './policy-target';
import { specAs, type RequestAuthenticationSpec, type Rule } from './types';

export const requestAuthenticationRule: Rule = (obj) => {
  const spec = specAs<RequestAuthenticationSpec>(obj) ?? {};
  const causes = policyTargetCauses(spec);
  (spec.jwtRules ?? []).forEach((rule, i) => {
    const field = `spec.jwtRules[${i}]`;
    if (!rule.issuer) causes.push(required(`${field}.issuer`, 'issuer must be set'));
    (rule.audiences ?? []).forEach((audience, j) => {
      if (!audience) causes.push(invalid(`${field}.audiences[${j}]`, audience, 'audience must be non-empty string'));
    });
    if (rule.jwksUri) causes.push(...jwksUriCauses(`${field}.jwksUri`, rule.jwksUri));
    (rule.fromHeaders ?? []).forEach((header, j) => {
      if (!header.name) causes.push(required(`${field}.fromHeaders[${j}].name`, 'location header name must be non-empty string'));
    });
    (rule.fromParams ?? []).forEach((param, j) => {
      if (!param) causes.push(invalid(`${field}.fromParams[${j}]`, param, 'location query must be non-empty string'));
    });
  });
  return causes;
};

function jwksUriCauses(field: string, uri: string): StatusCause[] {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return [invalid(field, uri, 'jwks URI is not a valid URL')];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [invalid(field, uri, 'jwks URI must use the http or https scheme')];
  return [];
}
