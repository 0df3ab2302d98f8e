import * as extensionsV1alpha1 from '@kubernetes-models/istio/extensions.istio.io/v1alpha1';
import * as networkingV1 from '@kubernetes-models/istio/networking.istio.io/v1';
import * as networkingV1alpha3 from '@kubernetes-models/istio/networking.istio.io/v1alpha3';
import * as networkingV1beta1 from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import * as securityV1 from '@kubernetes-models/istio/security.istio.io/v1';
import * as securityV1beta1 from '@kubernetes-models/istio/security.istio.io/v1beta1';
import * as telemetryV1 from '@kubernetes-models/istio/telemetry.istio.io/v1';
import * as telemetryV1alpha1 from '@kubernetes-models/istio/telemetry.istio.io/v1alpha1';
import { GatewayClass as GatewayClassV1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { Gateway as GatewayV1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { GRPCRoute as GRPCRouteV1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GRPCRoute';
import { HTTPRoute as HTTPRouteV1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { ReferenceGrant as ReferenceGrantV1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/ReferenceGrant';
import { GatewayClass as GatewayClassV1beta1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/GatewayClass';
import { Gateway as GatewayV1beta1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/Gateway';
import { HTTPRoute as HTTPRouteV1beta1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/HTTPRoute';
import { ReferenceGrant as ReferenceGrantV1beta1 } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant';
import { isModelClass, type ModelClass } from './model-validation';

/** The model classes of each served group-version, by kind; their validators check the CRD schemas. */
const MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'networking.istio.io/v1': networkingV1,
  'networking.istio.io/v1beta1': networkingV1beta1,
  'networking.istio.io/v1alpha3': networkingV1alpha3,
  'security.istio.io/v1': securityV1,
  'security.istio.io/v1beta1': securityV1beta1,
  'telemetry.istio.io/v1': telemetryV1,
  'telemetry.istio.io/v1alpha1': telemetryV1alpha1,
  'extensions.istio.io/v1alpha1': extensionsV1alpha1,
  'gateway.networking.k8s.io/v1': {
    GatewayClass: GatewayClassV1,
    Gateway: GatewayV1,
    GRPCRoute: GRPCRouteV1,
    HTTPRoute: HTTPRouteV1,
    ReferenceGrant: ReferenceGrantV1,
  },
  'gateway.networking.k8s.io/v1beta1': {
    GatewayClass: GatewayClassV1beta1,
    Gateway: GatewayV1beta1,
    HTTPRoute: HTTPRouteV1beta1,
    ReferenceGrant: ReferenceGrantV1beta1,
  },
};

/** The model class validating a kind at a version, or undefined for kinds validated without one. */
export function modelClassFor(group: string, version: string, kind: string): ModelClass | undefined {
  const candidate = MODULES[`${group}/${version}`]?.[kind];
  return isModelClass(candidate) ? candidate : undefined;
}
