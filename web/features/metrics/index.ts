/** The metrics feature's public face, for other screens (detail pages) to embed. */
export { MetricsDashboard } from './MetricsDashboard';
export type { MetricsDashboardProps } from './MetricsDashboard';
