/**
 * Declared shapes of the Istio and Gateway API objects routing reads, derived from @kubernetes-models.
 * They only type field names for the defensive readers (see narrow.ts); values are never trusted.
 */

import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import type { IServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import type { ISidecar } from '@kubernetes-models/istio/networking.istio.io/v1/Sidecar';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import type { IIoK8sSigsGatewayApiApisV1GatewaySpec as K8sGatewaySpec } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewaySpec';
import type { IIoK8sSigsGatewayApiApisV1Listener as K8sListener } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Listener';
import type { IIoK8sSigsGatewayApiApisV1HTTPRouteSpec as HttpRouteSpec } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRouteSpec';
import type { IIoK8sSigsGatewayApiApisV1HTTPRouteRule as HttpRouteRule } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRouteRule';
import type { IIoK8sSigsGatewayApiApisV1HTTPRouteMatch as HttpRouteMatch } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRouteMatch';
import type { IIoK8sSigsGatewayApiApisV1HTTPRouteFilter as HttpRouteFilter } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRouteFilter';
import type { IIoK8sSigsGatewayApiApisV1HTTPBackendRef as HttpBackendRef } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPBackendRef';
import type { IIoK8sSigsGatewayApiApisV1ParentReference as ParentReference } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/ParentReference';
import type { IIoK8sSigsGatewayApiApisV1GRPCRouteMatch as GrpcRouteMatch } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GRPCRouteMatch';
import type { IIoK8sSigsGatewayApiApisV1GRPCMethodMatch as GrpcMethodMatch } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GRPCMethodMatch';
import type { IIoK8sSigsGatewayApiApisV1HTTPRequestRedirectFilter as RedirectFilter } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRequestRedirectFilter';
import type { IIoK8sSigsGatewayApiApisV1HTTPURLRewriteFilter as RewriteFilter } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPURLRewriteFilter';
import type { IIoK8sSigsGatewayApiApisV1HTTPPathModifier as PathModifier } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPPathModifier';
import type { IIoK8sSigsGatewayApiApisV1HTTPRequestMirrorFilter as MirrorFilter } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRequestMirrorFilter';
import type { IIoK8sSigsGatewayApiApisV1HTTPHeaderFilter as HeaderFilter } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPHeaderFilter';

/** The element type of an optional array field. */
type Item<A> = NonNullable<A> extends ReadonlyArray<infer E> ? E : never;

export type VsSpec = NonNullable<IVirtualService['spec']>;
export type VsHttpRoute = Item<VsSpec['http']>;
export type VsHttpMatch = Item<VsHttpRoute['match']>;
export type VsHttpDestination = Item<VsHttpRoute['route']>;
export type VsDestination = VsHttpDestination['destination'];
export type VsFault = NonNullable<VsHttpRoute['fault']>;
export type VsDelay = NonNullable<VsFault['delay']>;
export type VsAbort = NonNullable<VsFault['abort']>;
export type VsRetries = NonNullable<VsHttpRoute['retries']>;
export type VsRedirect = NonNullable<VsHttpRoute['redirect']>;
export type VsRewrite = NonNullable<VsHttpRoute['rewrite']>;
export type VsDirectResponse = NonNullable<VsHttpRoute['directResponse']>;
export type VsHeaders = NonNullable<VsHttpRoute['headers']>;
export type VsHeaderOperations = NonNullable<VsHeaders['request']>;
export type VsMirrorPolicy = Item<VsHttpRoute['mirrors']>;
export type VsTcpRoute = Item<VsSpec['tcp']>;
export type VsL4Match = Item<VsTcpRoute['match']>;
export type VsTlsRoute = Item<VsSpec['tls']>;
export type VsTlsMatch = Item<VsTlsRoute['match']>;
export type VsRouteDestination = Item<VsTcpRoute['route']>;

export type DrSpec = NonNullable<IDestinationRule['spec']>;
export type DrSubset = Item<DrSpec['subsets']>;
export type TrafficPolicySpec = NonNullable<DrSpec['trafficPolicy']>;
export type PortTrafficPolicySpec = Item<TrafficPolicySpec['portLevelSettings']>;
export type LoadBalancerSpec = NonNullable<TrafficPolicySpec['loadBalancer']>;
export type ConsistentHashSpec = NonNullable<LoadBalancerSpec['consistentHash']>;
export type ConnectionPoolSpec = NonNullable<TrafficPolicySpec['connectionPool']>;
export type TcpPoolSpec = NonNullable<ConnectionPoolSpec['tcp']>;
export type HttpPoolSpec = NonNullable<ConnectionPoolSpec['http']>;
export type OutlierDetectionSpec = NonNullable<TrafficPolicySpec['outlierDetection']>;
export type ClientTlsSpec = NonNullable<TrafficPolicySpec['tls']>;

export type SeSpec = NonNullable<IServiceEntry['spec']>;
export type SePort = Item<SeSpec['ports']>;

export type SidecarSpec = NonNullable<ISidecar['spec']>;
export type SidecarEgress = Item<SidecarSpec['egress']>;

export type IstioGatewaySpec = NonNullable<IGateway['spec']>;
export type IstioGatewayServer = Item<IstioGatewaySpec['servers']>;

export type {
  GrpcMethodMatch,
  GrpcRouteMatch,
  HeaderFilter,
  HttpBackendRef,
  HttpRouteFilter,
  HttpRouteMatch,
  HttpRouteRule,
  HttpRouteSpec,
  K8sGatewaySpec,
  K8sListener,
  MirrorFilter,
  ParentReference,
  PathModifier,
  RedirectFilter,
  RewriteFilter,
};

/** Kubernetes core Service spec fields routing reads (kept local: no core model package is installed). */
export interface ServiceSpecFields {
  ports?: Array<{ name?: string; port?: number; protocol?: string; appProtocol?: string; targetPort?: number | string }>;
  type?: string;
  externalName?: string;
}
