
/** Placeholder until this screen is built. */
export function TopologyPage() {
  return null;
}
