import { Suspense, lazy, useState } from 'react';
import { LoadingPane } from '../../ui/Spinner';
import { useTopologyPrefetch } from './data/prefetch';
import { prestartTopology } from './prestart';

let page: Promise<typeof import('./TopologyPage')> | undefined;

/** The screen's code, asked for once (with its canvas chunk and layout worker, see prestart.ts). */
function loadPage(): Promise<typeof import('./TopologyPage')> {
  if (!page) {
    prestartTopology();
    // Not kept when it fails (a dropped connection, a new deployment): the next visit asks again.
    page = import('./TopologyPage').catch((error: unknown) => {
      page = undefined;
      throw error;
    });
  }
  return page;
}

const TopologyPage = lazy(() => loadPage().then((m) => ({ default: m.TopologyPage })));

/**
 * The topology route, in the app's first chunk: it asks for the screen's code and then for the first
 * graph's data, so both load at once. In that order: with six connections per host (HTTP/1.1), what
 * is asked first is served first, and the code is small and quick. Its own Suspense boundary lets it
 * mount (and keep the lists' watches) before the screen can.
 */
export function TopologyRoute() {
  useState(loadPage);
  useTopologyPrefetch();
  return (
    <Suspense fallback={<LoadingPane label="Loading screen…" />}>
      <TopologyPage />
    </Suspense>
  );
}
