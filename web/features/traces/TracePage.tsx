
/** Placeholder until this screen is built. */
export function TracePage() {
  return null;
}
