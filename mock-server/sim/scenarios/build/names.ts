/** Generated object names in the style of the Kubernetes controllers. */
import type { Rng } from './random';

/** The alphabet Kubernetes uses for generated names: no vowels, no look-alike characters. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A ReplicaSet's pod-template-hash, e.g. `7d79d5bd5d`. */
export function templateHash(rng: Rng): string {
  return rng.chars(SAFE_ALPHABET, 10);
}

/** The random tail the controller appends to a pod name, e.g. `x2kq9`. */
export function podSuffix(rng: Rng): string {
  return rng.chars(SAFE_ALPHABET, 5);
}

/** A pod name `${prefix}${suffix}` not yet in `taken`, which it joins. */
export function uniquePodName(prefix: string, taken: Set<string>, rng: Rng): string {
  let name = prefix + podSuffix(rng);
  while (taken.has(name)) name = prefix + podSuffix(rng);
  taken.add(name);
  return name;
}
