import { describe, expect, it } from 'vitest';
import { findKind } from '../../../mesh/kinds';
import type { KubeObject } from '../../api';
import { countByKind, kindLabel, matchesText, toConfigRows } from './config-rows';

const VS = findKind('networking.istio.io', 'VirtualService')!;
const ISTIO_GW = findKind('networking.istio.io', 'Gateway')!;
const K8S_GW = findKind('gateway.networking.k8s.io', 'Gateway')!;

const obj = (name: string, namespace: string | undefined, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'X',
  metadata: { name, namespace, creationTimestamp: '2024-01-01T00:00:00Z' },
  spec,
});

describe('config rows', () => {
  const rows = toConfigRows(
    [VS, ISTIO_GW],
    [[obj('reviews', 'bookinfo', { hosts: ['reviews'] }), obj('ratings', 'bookinfo', { hosts: ['ratings'] })], [obj('bookinfo-gateway', 'bookinfo')]],
  );

  it('makes one row per object with its kind and summary', () => {
    expect(rows.map((r) => [r.kindId, r.namespace, r.name, r.summary.text])).toEqual([
      ['virtualservices.networking.istio.io', 'bookinfo', 'reviews', 'reviews'],
      ['virtualservices.networking.istio.io', 'bookinfo', 'ratings', 'ratings'],
      ['gateways.networking.istio.io', 'bookinfo', 'bookinfo-gateway', ''],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it('counts rows per kind', () => {
    expect(Object.fromEntries(countByKind(rows))).toEqual({
      'virtualservices.networking.istio.io': 2,
      'gateways.networking.istio.io': 1,
    });
  });

  it('matches every word against namespace/name and summary', () => {
    const reviews = rows[0]!;
    expect(matchesText(reviews, 'REV')).toBe(true);
    expect(matchesText(reviews, 'bookinfo/rev')).toBe(true);
    expect(matchesText(reviews, 'bookinfo ratings')).toBe(false);
    expect(matchesText(reviews, '  ')).toBe(true);
  });

  it('labels kinds that two groups share', () => {
    expect(kindLabel(VS)).toBe('VirtualService');
    expect(kindLabel(ISTIO_GW)).toBe('Gateway (Istio)');
    expect(kindLabel(K8S_GW)).toBe('Gateway (Gateway API)');
  });
});
