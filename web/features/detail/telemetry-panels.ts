/** The telemetry views a detail page embeds, in one module loaded only when one of their tabs opens. */
export { MetricsDashboard } from '../metrics';
export { TracesPanel } from '../traces';
export { AccessLogPanel } from '../logs';
