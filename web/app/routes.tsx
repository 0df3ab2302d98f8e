import { lazy } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { RouteObject } from 'react-router';
import { NotFoundScreen, PlannedScreen } from './PlannedScreen';
import { SCREENS } from './screens';
import { Shell } from './Shell';

// Each screen is its own chunk, fetched on first visit, so the first load stays small.
const WorkloadsPage = lazy(() => import('../features/workloads/WorkloadsPage').then((m) => ({ default: m.WorkloadsPage })));
const ServicesPage = lazy(() => import('../features/services/ServicesPage').then((m) => ({ default: m.ServicesPage })));
const ConfigListPage = lazy(() => import('../features/config/ConfigListPage').then((m) => ({ default: m.ConfigListPage })));
const ConfigDetailPage = lazy(() => import('../features/config/ConfigDetailPage').then((m) => ({ default: m.ConfigDetailPage })));
const CreatePage = lazy(() => import('../features/config/create/CreatePage').then((m) => ({ default: m.CreatePage })));

/** The built screens; the others say what they will do. */
const BUILT: Record<string, RouteObject['element']> = {
  '/workloads': <WorkloadsPage />,
  '/services': <ServicesPage />,
  '/config': <ConfigListPage />,
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
      { path: '/config/:kindId/:namespace/:name', element: <ConfigDetailPage /> },
      { path: '/config/:kindId/:name', element: <ConfigDetailPage /> },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
];
