
/** Placeholder until this screen is built. */
export function MetricsPage() {
  return null;
}
