import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { KubeApiProvider, createKubeApi, sessionTokenStore } from './api';
import { routes } from './app/routes';
import { initTheme } from './app/theme';
import './app/styles/tokens.css';
import './app/styles/base.css';

initTheme();

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } },
});

const kubeApi = createKubeApi(queryClient, {
  baseUrl: import.meta.env.VITE_KUBE_BASE_URL ?? '/k8s',
  tokens: sessionTokenStore(),
});

const router = createBrowserRouter(routes);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <KubeApiProvider api={kubeApi}>
        <RouterProvider router={router} />
      </KubeApiProvider>
    </QueryClientProvider>
  </StrictMode>,
);
