import { layoutClient } from './layout/layout-client';

/**
 * Starts the topology's layout worker, and ELK's download and start inside it, the moment the screen
 * is asked for: ELK takes longer to start than the screen's own code and first queries take to load,
 * so it is the first graph's critical path. Tiny on purpose, as the app's entry imports it.
 */
export function prestartTopology(): void {
  if (typeof Worker !== 'undefined') layoutClient().warm();
}
