import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { KubeApi } from './kube-api';

const KubeApiContext = createContext<KubeApi | null>(null);

export function KubeApiProvider({ api, children }: { api: KubeApi; children: ReactNode }) {
  return <KubeApiContext value={api}>{children}</KubeApiContext>;
}

export function useKubeApi(): KubeApi {
  const api = useContext(KubeApiContext);
  if (!api) throw new Error('useKubeApi needs a <KubeApiProvider> above it');
  return api;
}
