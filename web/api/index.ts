/** The adapter's public surface: features import from here, never from the files behind it. */
export type { KubeList, KubeObject, ObjectMeta, WatchEvent } from '../../mesh/kube-types';
export { ConnectionMonitor } from './connection';
export type { ConnectionState, ConnectionStatus } from './connection';
export { KubeApiProvider, useKubeApi } from './context';
export { explainError } from './describe-error';
export type { ErrorExplanation } from './describe-error';
export { ConnectionError, KubeApiError, ProtocolError, isConnectionError, isKubeApiError, isUnauthorized } from './errors';
export { asArray, asNumber, asRecord, asString, asStringMap, isRecord } from './guards';
export {
  prefetchKubeLists,
  useCanI,
  useConnectionStatus,
  useKubeList,
  useKubeListIn,
  useKubeListsIn,
  useKubeListsInEach,
  useKubeObject,
  useServerVersion,
  useSession,
} from './hooks';
export type { CanIResult, KubeListResult, KubeObjectResult } from './hooks';
export { KubeClient } from './kube';
export { createKubeApi } from './kube-api';
export type { KubeApi } from './kube-api';
export { sessionTokenStore } from './token-store';
export {
  PodIndex,
  appOf,
  deploymentView,
  matchesSelector,
  podView,
  selectorFromMap,
  serviceView,
  versionOf,
  viewsOf,
} from './core-kinds';
export type { ContainerView, DeploymentView, LabelSelector, PodView, ServicePortView, ServiceView } from './core-kinds';
