import { describe, expect, it } from 'vitest';
import { findKind } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { appendVersion, emptyHistoryConfigMap, entryKey, historyLocation, parseHistory } from './config-history-format';

const VS = findKind('networking.istio.io', 'VirtualService') as KindInfo;
const GATEWAY_CLASS = findKind('gateway.networking.k8s.io', 'GatewayClass') as KindInfo;
const target = { kind: VS, namespace: 'bookinfo', name: 'reviews' };

function version(rv: number, weight = rv): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: String(rv), uid: 'u' },
    spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' }, weight }] }] },
  };
}

const at = (action: 'create' | 'update' | 'delete' | 'rollback', object: KubeObject) => ({ action, object, user: 'alice', time: '2026-01-01T00:00:00Z' });

describe('historyLocation', () => {
  it('is deterministic, in the object namespace, and distinct per kind and name', () => {
    const here = historyLocation(target);
    expect(here).toEqual(historyLocation({ ...target }));
    expect(here.namespace).toBe('bookinfo');
    expect(here.name).toMatch(/^meshdeck-history-[0-9a-f]{16}$/);
    expect(historyLocation({ ...target, name: 'ratings' }).name).not.toBe(here.name);
    expect(historyLocation({ ...target, kind: findKind('networking.istio.io', 'DestinationRule') as KindInfo }).name).not.toBe(here.name);
    expect(historyLocation({ kind: GATEWAY_CLASS, name: 'istio' }).namespace).toBe('istio-system');
  });

  it('labels the ConfigMap with who manages it and which object it is the history of', () => {
    const cm = emptyHistoryConfigMap(target);
    expect(cm.metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'meshdeck',
      'meshdeck.io/history-of-kind': 'virtualservices.networking.istio.io',
      'meshdeck.io/history-of-name': 'reviews',
    });
    expect(cm.metadata.annotations?.['meshdeck.io/history-of']).toBe('virtualservices.networking.istio.io/bookinfo/reviews');
  });
});

describe('appendVersion', () => {
  it('records the replaced version first when the history does not already end with it', () => {
    const cm = appendVersion(emptyHistoryConfigMap(target), at('update', version(11)), version(10));
    const entries = parseHistory(cm);
    expect(entries.map((e) => [e.seq, e.action, e.resourceVersion, e.user])).toEqual([
      [1, 'observed', '10', ''],
      [2, 'update', '11', 'alice'],
    ]);
    expect(entries[1]?.yaml).toContain('weight: 11');
    expect(entries[1]?.yaml).not.toContain('resourceVersion');
    const next = parseHistory(appendVersion(cm, at('update', version(12)), version(11)));
    expect(next.map((e) => e.action)).toEqual(['observed', 'update', 'update']);
  });

  it('keeps only the newest versions, more when the ConfigMap asks for more', () => {
    let cm = emptyHistoryConfigMap(target);
    for (let rv = 1; rv <= 14; rv++) cm = appendVersion(cm, at('update', version(rv)), rv > 1 ? version(rv - 1) : undefined);
    const entries = parseHistory(cm);
    expect(entries).toHaveLength(10);
    expect(entries.map((e) => e.resourceVersion)).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    expect(Object.keys(cm.data as object)).toContain(entryKey(14));
    const roomier = { ...cm, metadata: { ...cm.metadata, annotations: { 'meshdeck.io/history-limit': '12' } } };
    expect(parseHistory(appendVersion(roomier, at('update', version(15)), version(14)))).toHaveLength(11);
  });

  it('drops the oldest versions to stay under the size limit, and never stores a version too large to fit', () => {
    const big = (rv: number) => ({ ...version(rv), spec: { hosts: ['reviews'], blob: 'x'.repeat(400) } });
    let cm = emptyHistoryConfigMap(target);
    for (let rv = 1; rv <= 5; rv++) cm = appendVersion(cm, at('update', big(rv)), rv > 1 ? big(rv - 1) : undefined, { maxBytes: 1500 });
    const entries = parseHistory(cm);
    expect(entries.length).toBeLessThan(5);
    expect(entries.at(-1)?.resourceVersion).toBe('5');
    const tiny = parseHistory(appendVersion(emptyHistoryConfigMap(target), at('create', big(1)), undefined, { maxBytes: 100 }));
    expect(tiny).toEqual([expect.objectContaining({ action: 'create', yaml: '', omitted: true })]);
  });

  it('records a delete as the deleted version, without an observed copy', () => {
    const entries = parseHistory(appendVersion(emptyHistoryConfigMap(target), at('delete', version(7)), version(7)));
    expect(entries.map((e) => [e.action, e.resourceVersion])).toEqual([['delete', '7']]);
  });

  it('ignores data keys and entries it did not write', () => {
    const cm = { ...emptyHistoryConfigMap(target), data: { 'notes.txt': 'hi', 'v000003.yaml': 'action: explode\n', 'v000002.yaml': ': : :' } };
    expect(parseHistory(cm)).toEqual([]);
  });
});
