import type { StatusCause } from '../../../../mesh/kube-types';
import { invalid, required } from '../causes';
import { durationCauses, fractionCauses, percentCauses, portCauses } from './common';
import { destinationCauses, weightedDestinationCauses } from './destinations';
import type { HttpRoute } from './types';

const RETRY_ON = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'envoy-ratelimited', 'retriable-4xx',
  'refused-stream', 'retriable-status-codes', 'retriable-headers', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE']);

/** One entry of a VirtualService's `http` list. */
export function httpRouteCauses(field: string, route: HttpRoute): StatusCause[] {
  return [
    ...actionCauses(field, route),
    ...weightedDestinationCauses(`${field}.route`, route.route),
    ...faultCauses(`${field}.fault`, route.fault),
    ...retryCauses(`${field}.retries`, route.retries),
    ...durationCauses(`${field}.timeout`, route.timeout),
    ...fractionCauses(`${field}.mirrorPercentage.value`, route.mirrorPercentage?.value),
    ...(route.mirror ? destinationCauses(`${field}.mirror`, route.mirror) : []),
    ...(route.match ?? []).flatMap((m, i) => portCauses(`${field}.match[${i}].port`, m.port)),
    ...corsCauses(`${field}.corsPolicy`, route.corsPolicy),
    ...redirectCauses(`${field}.redirect`, route.redirect),
    ...directResponseCauses(`${field}.directResponse`, route.directResponse?.status),
  ];
}

/** A rule either delegates, routes, redirects or responds directly, and does only one of these. */
function actionCauses(field: string, route: HttpRoute): StatusCause[] {
  const routes = (route.route?.length ?? 0) > 0;
  if (route.delegate) {
    return routes || route.redirect || route.directResponse
      ? [invalid(`${field}.delegate`, route.delegate.name ?? '', 'a delegating HTTP route cannot also route, redirect or respond directly')]
      : [];
  }
  const causes: StatusCause[] = [];
  if (route.redirect) {
    if (routes) causes.push(invalid(field, 'object', 'HTTP route cannot contain both route and redirect'));
    if (route.fault) causes.push(invalid(field, 'object', 'HTTP route cannot contain both fault and redirect'));
    if (route.rewrite) causes.push(invalid(field, 'object', 'HTTP route rule cannot contain both rewrite and redirect'));
  }
  if (route.directResponse && (routes || route.redirect)) {
    causes.push(invalid(field, 'object', 'HTTP route cannot contain both directResponse and route or redirect'));
  }
  if (!routes && !route.redirect && !route.directResponse) {
    causes.push(required(`${field}.route`, 'HTTP route, redirect or direct response is required'));
  }
  return causes;
}

function faultCauses(field: string, fault: HttpRoute['fault']): StatusCause[] {
  if (!fault) return [];
  const { abort, delay } = fault;
  const causes: StatusCause[] = [];
  if (!abort && !delay) causes.push(invalid(field, 'object', 'HTTP fault injection must have an abort and/or a delay'));
  if (abort) {
    causes.push(...fractionCauses(`${field}.abort.percentage.value`, abort.percentage?.value));
    const status = abort.httpStatus;
    if (status !== undefined && (status < 200 || status > 599)) {
      causes.push(invalid(`${field}.abort.httpStatus`, status, `HTTP status ${status} is not in range 200-599`));
    }
  }
  if (delay) {
    causes.push(...fractionCauses(`${field}.delay.percentage.value`, delay.percentage?.value));
    causes.push(...percentCauses(`${field}.delay.percent`, delay.percent));
    causes.push(...durationCauses(`${field}.delay.fixedDelay`, delay.fixedDelay));
  }
  return causes;
}

function retryCauses(field: string, retries: HttpRoute['retries']): StatusCause[] {
  if (!retries) return [];
  const causes = durationCauses(`${field}.perTryTimeout`, retries.perTryTimeout);
  if (retries.attempts !== undefined && retries.attempts < 0) causes.push(invalid(`${field}.attempts`, retries.attempts, 'attempts cannot be negative'));
  for (const policy of retries.retryOn?.split(',') ?? []) {
    if (!RETRY_ON.has(policy) && !/^[1-5]\d\d$/.test(policy)) {
      causes.push(invalid(`${field}.retryOn`, retries.retryOn, `${JSON.stringify(policy)} is not a valid retryOn policy`));
    }
  }
  return causes;
}

function corsCauses(field: string, cors: HttpRoute['corsPolicy']): StatusCause[] {
  if (!cors) return [];
  return [
    ...durationCauses(`${field}.maxAge`, cors.maxAge),
    ...(cors.allowMethods ?? []).flatMap((method, i) =>
      HTTP_METHODS.has(method) ? [] : [invalid(`${field}.allowMethods[${i}]`, method, `${JSON.stringify(method)} is not a supported HTTP method`)],
    ),
  ];
}

function redirectCauses(field: string, redirect: HttpRoute['redirect']): StatusCause[] {
  if (!redirect) return [];
  const causes: StatusCause[] = [];
  if (!redirect.uri && !redirect.authority && !redirect.scheme && redirect.port === undefined && !redirect.derivePort) {
    causes.push(invalid(field, 'object', 'redirect must specify URI, authority, scheme, or port'));
  }
  const code = redirect.redirectCode;
  if (code !== undefined && code !== 0 && (code < 300 || code > 399)) {
    causes.push(invalid(`${field}.redirectCode`, code, `${code} is not a valid redirect code, must be 3xx`));
  }
  return causes;
}

function directResponseCauses(field: string, status: number | undefined): StatusCause[] {
  if (status === undefined || (status >= 200 && status <= 599)) return [];
  return [invalid(`${field}.status`, status, 'directResponse.status must be in the range [200, 599]')];
}
