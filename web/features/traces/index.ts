/** The traces feature's public face, for other screens (detail pages) to embed. */
export { TracesPanel } from './TracesPanel';
export type { TracesPanelProps } from './TracesPanel';
