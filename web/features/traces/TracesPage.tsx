
/** Placeholder until this screen is built. */
export function TracesPage() {
  return null;
}
