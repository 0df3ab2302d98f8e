
/** Placeholder until this screen is built. */
export function LogsPage() {
  return null;
}
