import { loadCanvas } from './canvas/load-canvas';
import { layoutClient } from './layout/layout-client';

/**
 * The moment the topology is asked for: its canvas code starts loading (see load-canvas.ts), and so
 * does the layout worker, whose ELK takes longer to load and start than the screen's own code and
 * first queries. Tiny on purpose, as the app's entry imports it.
 */
export function prestartTopology(): void {
  if (typeof Worker !== 'undefined') layoutClient().warm();
  void loadCanvas();
}
