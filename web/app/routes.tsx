import { lazy } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { RouteObject } from 'react-router';
import { TopologyRoute } from '../features/topology/TopologyRoute';
import { NotFoundScreen, PlannedScreen } from './PlannedScreen';
import { SCREENS } from './screens';
import { Shell } from './Shell';

// Each screen is its own chunk, fetched on first visit, so the first load stays small.
const WorkloadsPage = lazy(() => import('../features/workloads/WorkloadsPage').then((m) => ({ default: m.WorkloadsPage })));
const ServicesPage = lazy(() => import('../features/services/ServicesPage').then((m) => ({ default: m.ServicesPage })));
const ConfigListPage = lazy(() => import('../features/config/ConfigListPage').then((m) => ({ default: m.ConfigListPage })));
const ConfigDetailPage = lazy(() => import('../features/config/ConfigDetailPage').then((m) => ({ default: m.ConfigDetailPage })));
const CreatePage = lazy(() => import('../features/config/create/CreatePage').then((m) => ({ default: m.CreatePage })));
const MetricsPage = lazy(() => import('../features/metrics/MetricsPage').then((m) => ({ default: m.MetricsPage })));
const TracesPage = lazy(() => import('../features/traces/TracesPage').then((m) => ({ default: m.TracesPage })));
const TracePage = lazy(() => import('../features/traces/TracePage').then((m) => ({ default: m.TracePage })));
const LogsPage = lazy(() => import('../features/logs/LogsPage').then((m) => ({ default: m.LogsPage })));
const DetailPage = lazy(() => import('../features/detail/DetailPage').then((m) => ({ default: m.DetailPage })));

/** The built screens; the others say what they will do. */
const BUILT: Record<string, RouteObject['element']> = {
  '/workloads': <WorkloadsPage />,
  '/services': <ServicesPage />,
  '/config': <ConfigListPage />,
  '/topology': <TopologyRoute />,
  '/metrics': <MetricsPage />,
  '/traces': <TracesPage />,
  '/logs': <LogsPage />,
};

/** Until the overview exists, the console opens on the workloads, keeping the query string. */
function Home() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/workloads', search }} replace />;
}

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      ...SCREENS.map((screen) => ({
        path: screen.path,
        element: BUILT[screen.path] ?? <PlannedScreen screen={screen} />,
      })),
      { path: '/config/new', element: <CreatePage /> },
      { path: '/traces/:traceId', element: <TracePage /> },
      { path: '/workloads/:namespace/:name', element: <DetailPage kind="workload" /> },
      { path: '/services/:namespace/:name', element: <DetailPage kind="service" /> },
      { path: '/apps/:namespace/:name', element: <DetailPage kind="app" /> },
      { path: '/config/:kindId/:namespace/:name', element: <ConfigDetailPage /> },
      { path: '/config/:kindId/:name', element: <ConfigDetailPage /> },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
];
