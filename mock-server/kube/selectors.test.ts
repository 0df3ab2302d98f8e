import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import { ApiError } from './errors';
import { matchesFieldSelector, parseFieldSelector } from './field-selector';
import { matchesLabelSelector, parseLabelSelector } from './label-selector';

const labels = { app: 'reviews', version: 'v2', tier: 'backend' };

function matches(selector: string): boolean {
  return matchesLabelSelector(parseLabelSelector(selector), labels);
}

describe('label selectors', () => {
  it.each([
    ['app=reviews', true],
    ['app==reviews', true],
    ['app=ratings', false],
    ['app!=ratings', true],
    ['missing!=x', true],
    ['version in (v1,v2)', true],
    ['version in (v1, v3)', false],
    ['version notin (v1,v3)', true],
    ['missing notin (v1)', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=reviews,version in (v2),!canary', true],
    ['app=reviews,version=v1', false],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it('treats objects without labels as having none', () => {
    expect(matchesLabelSelector(parseLabelSelector('!app'), undefined)).toBe(true);
    expect(matchesLabelSelector(parseLabelSelector('app'), undefined)).toBe(false);
  });

  it('rejects malformed selectors with 400', () => {
    for (const bad of ['app in v1', 'app=(x', '=x', 'a b']) {
      expect(() => parseLabelSelector(bad)).toThrow(ApiError);
    }
  });
});

describe('field selectors', () => {
  const pod = findKind('', 'Pod');
  const vs = findKind('networking.istio.io', 'VirtualService');
  if (!pod || !vs) throw new Error('kinds');
  const obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } };

  it('matches the supported fields with =, == and !=', () => {
    expect(matchesFieldSelector(parseFieldSelector(pod, 'metadata.name=p,status.phase==Running'), obj)).toBe(true);
    expect(matchesFieldSelector(parseFieldSelector(pod, 'spec.nodeName!=n1'), obj)).toBe(false);
    expect(matchesFieldSelector(parseFieldSelector(pod, 'metadata.namespace!=other'), obj)).toBe(true);
  });

  it('rejects fields the kind does not index', () => {
    expect(() => parseFieldSelector(vs, 'status.phase=Running')).toThrow('field label not supported: status.phase');
  });
});
