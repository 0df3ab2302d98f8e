/**
 * Long simulation work written as generators that yield at safe points, run either at once (backfill,
 * tests) or in short slices of the event loop (the live timers), so that a 10,000-pod mesh's step of
 * several hundred milliseconds never holds up an API request for longer than a slice.
 */

const SLICE_MS = 10;

/** Runs `work` to its end now; its result. */
export function runNow<T>(work: Generator<void, T, void>): T {
  for (;;) {
    const next = work.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs `work` in slices of about SLICE_MS with the event loop running between them, while `going()`;
 * its result, or undefined when stopped first.
 */
export async function runInSlices<T>(work: Generator<void, T, void>, going: () => boolean = () => true): Promise<T | undefined> {
  let sliceEnd = performance.now() + SLICE_MS;
  while (going()) {
    const next = work.next();
    if (next.done) return next.value;
    if (performance.now() < sliceEnd) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceEnd = performance.now() + SLICE_MS;
  }
  return undefined;
}
