/**
 * The canvas's code (React Flow and the node and edge views: most of the screen's code) is its own
 * chunk, loaded beside the page's: the graph's queries go out without waiting for it to download and
 * compile, and it loads while they are answered.
 */
export function loadCanvas(): Promise<typeof import('./TopologyCanvas')> {
  return import('./TopologyCanvas');
}
