import type { ModelConstructor, ModelData } from '@kubernetes-models/base';
import { GRPCRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GRPCRoute';
import { Gateway as GatewayApiGateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { GatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { Gateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import { ServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import { Sidecar } from '@kubernetes-models/istio/networking.istio.io/v1/Sidecar';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { EnvoyFilter } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/EnvoyFilter';
import { AuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import { PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import { RequestAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../mesh/kube-types';
import { demoScenario, scaleScenario } from './index';

type Validate = (object: KubeObject) => void;

function validator<T>(Model: ModelConstructor<T>): Validate {
  return (object) => new Model(object as unknown as ModelData<T>).validate();
}

/** The schema of every Istio and Gateway API kind a scenario emits, by apiVersion and kind. */
const VALIDATORS: Record<string, Validate> = {
  'networking.istio.io/v1/VirtualService': validator(VirtualService),
  'networking.istio.io/v1/DestinationRule': validator(DestinationRule),
  'networking.istio.io/v1/Gateway': validator(Gateway),
  'networking.istio.io/v1/ServiceEntry': validator(ServiceEntry),
  'networking.istio.io/v1/Sidecar': validator(Sidecar),
  'networking.istio.io/v1alpha3/EnvoyFilter': validator(EnvoyFilter),
  'security.istio.io/v1/PeerAuthentication': validator(PeerAuthentication),
  'security.istio.io/v1/AuthorizationPolicy': validator(AuthorizationPolicy),
  'security.istio.io/v1/RequestAuthentication': validator(RequestAuthentication),
  'gateway.networking.k8s.io/v1/GatewayClass': validator(GatewayClass),
  'gateway.networking.k8s.io/v1/Gateway': validator(GatewayApiGateway),
  'gateway.networking.k8s.io/v1/HTTPRoute': validator(HTTPRoute),
  'gateway.networking.k8s.io/v1/GRPCRoute': validator(GRPCRoute),
};

const CORE_API_VERSIONS = new Set(['v1', 'apps/v1']);

function schemaErrors(objects: KubeObject[]): string[] {
  const errors: string[] = [];
  for (const object of objects) {
    if (CORE_API_VERSIONS.has(object.apiVersion)) continue;
    const where = `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    const validate = VALIDATORS[`${object.apiVersion}/${object.kind}`];
    if (!validate) {
      errors.push(`${where}: no schema for ${object.apiVersion}`);
      continue;
    }
    try {
      validate(object);
    } catch (error) {
      errors.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return errors;
}

describe('Istio and Gateway API objects match their published schemas', () => {
  it('in the demo', () => {
    expect(schemaErrors(demoScenario().objects)).toEqual([]);
  });

  it('in a scale scenario', () => {
    expect(schemaErrors(scaleScenario({ pods: 2000, seed: 7 }).objects)).toEqual([]);
  });

  it('and a broken object is caught', () => {
    const broken: KubeObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'x', namespace: 'y' },
      spec: { hosts: ['x'], http: [{ route: [{ destination: { host: 'x' }, weight: 'half' }] }] },
    };
    expect(schemaErrors([broken])).toHaveLength(1);
  });
});
