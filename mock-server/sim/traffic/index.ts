/** The traffic simulator: the scenario's call graph under the live mesh config, as Istio's standard metrics. */
export { createTrafficSimulator, DEFAULT_STEP_MS, type TrafficSimulator, type TrafficSimulatorOptions } from './simulator';
export { mountTelemetry, PROMETHEUS_PROXY_PREFIX, type TelemetryDeps, type Telemetry } from './mount';
export { JAEGER_PROXY_PREFIXES, mountTracing, type Tracing } from './mount-tracing';
