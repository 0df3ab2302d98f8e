/** Where the bearer token lives. The browser keeps it in sessionStorage: gone when the tab closes. */
export interface TokenStore {
  get(): string | undefined;
  set(token: string | undefined): void;
  subscribe(listener: () => void): () => void;
}

const STORAGE_KEY = 'meshdeck.kube.token';

export function memoryTokenStore(initial?: string): TokenStore {
  let token = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => token,
    set(next) {
      token = next || undefined;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function sessionTokenStore(storage: Storage = window.sessionStorage): TokenStore {
  const memory = memoryTokenStore(readToken(storage));
  return {
    get: memory.get,
    subscribe: memory.subscribe,
    set(next) {
      try {
        if (next) storage.setItem(STORAGE_KEY, next);
        else storage.removeItem(STORAGE_KEY);
      } catch {
        // Storage may be unavailable (private mode, quota); the token then lasts for this page only.
      }
      memory.set(next);
    },
  };
}

function readToken(storage: Storage): string | undefined {
  try {
    return storage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
