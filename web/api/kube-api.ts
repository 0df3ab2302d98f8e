/** Wires the client, the connection monitor and the watch registry to one react-query cache. */
import type { QueryClient } from '@tanstack/react-query';
import { KubeClient } from './kube';
import type { KubeClientOptions } from './kube';
import { ListWatchRegistry } from './watch-registry';
import type { WatchRegistryOptions } from './watch-registry';

export interface KubeApi {
  readonly client: KubeClient;
  readonly watches: ListWatchRegistry;
  dispose(): void;
}

export function createKubeApi(
  queryClient: QueryClient,
  options: KubeClientOptions & { watches?: WatchRegistryOptions } = {},
): KubeApi {
  const client = new KubeClient(options);
  const watches = new ListWatchRegistry(client, queryClient, { retryDelay: options.retryDelay, ...options.watches });
  const unsubscribe = client.tokens.subscribe(() => {
    // A new identity may see different things: start over, lists included.
    client.monitor.clearUnauthorized();
    watches.restartAll();
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[1] !== 'list' });
  });
  return {
    client,
    watches,
    dispose() {
      unsubscribe();
      watches.dispose();
    },
  };
}
