/** Envoy access logs of the simulated pods, served as the istio-proxy container's pods/log. */
export { rfc3339Nano } from './format';
export { mountAccessLogs, type AccessLogDeps } from './mount';
export { PROXY_CONTAINER, registerPodLogRoute } from './route';
export { AccessLogStore, DEFAULT_LIMITS, type AccessLogLimits, type LogLine } from './store';
