import { describe, expect, it } from 'vitest';
import { requestedAggregatedVersion } from './aggregated';

describe('requestedAggregatedVersion', () => {
  it('picks the first aggregated form the client accepts', () => {
    expect(
      requestedAggregatedVersion(
        'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
      ),
    ).toBe('v2beta1');
    expect(requestedAggregatedVersion('application/json; g=apidiscovery.k8s.io; v=v2; as=APIGroupDiscoveryList')).toBe('v2');
  });

  it('falls back to legacy discovery for plain JSON and unknown versions', () => {
    expect(requestedAggregatedVersion('application/json, */*')).toBeUndefined();
    expect(requestedAggregatedVersion('application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList')).toBeUndefined();
    expect(requestedAggregatedVersion(undefined)).toBeUndefined();
  });
});
