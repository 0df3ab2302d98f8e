/**
 * Mesh analysis over the demo mesh. The demo is meant to be clean: every finding it produces must be
 * listed in EXPECTED with the reason it is there, so a new one is either fixed or documented here.
 */
import { describe, expect, it } from 'vitest';
import { analyzeMesh, refOf } from '../../../mesh/analysis';
import type { KubeObject } from '../../../mesh/kube-types';
import { demoScenario } from './index';

/**
 * "code object" of every finding the demo mesh produces, with why. Currently none: bookinfo's
 * ALLOW policies match on principals under PERMISSIVE mTLS, which is fine for ALLOW (plaintext
 * clients are denied), and online-shop's STRICT mode agrees with its ISTIO_MUTUAL DestinationRule.
 */
const EXPECTED: ReadonlyArray<readonly [finding: string, why: string]> = [];

const objects = (): KubeObject[] => demoScenario({ now: new Date('2026-01-01T00:00:00Z') }).objects;

describe('analysis of the demo mesh', () => {
  it('produces only the documented findings, and no errors', () => {
    const findings = analyzeMesh({ objects: objects() });
    const described = findings.map((f) => `${f.code} ${f.object.kind} ${f.object.namespace ?? ''}/${f.object.name}`);
    expect(described).toEqual(EXPECTED.map(([finding]) => finding));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reports a typo in a draft subset, with the fix, when the editor analyses only the draft', () => {
    const all = objects();
    const live = all.find((o) => o.kind === 'VirtualService' && o.metadata.namespace === 'bookinfo' && o.metadata.name === 'reviews');
    expect(live).toBeDefined();
    const draft: KubeObject = JSON.parse(JSON.stringify(live).replace('"subset":"v2"', '"subset":"v22"'));
    const findings = analyzeMesh({ objects: all.map((o) => (o === live ? draft : o)) }, { only: [refOf(draft)] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'MD1002',
      severity: 'error',
      path: ['spec', 'http', 0, 'route', 1, 'destination', 'subset'],
      related: [{ kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' }],
      fix: { patch: [{ op: 'replace', path: '/spec/http/0/route/1/destination/subset', value: 'v2' }] },
    });
  });

  it('reports weights that no longer add up after an edit', () => {
    const all = objects();
    const live = all.find((o) => o.kind === 'VirtualService' && o.metadata.name === 'reviews');
    const draft: KubeObject = JSON.parse(JSON.stringify(live).replace('"weight":50', '"weight":60'));
    const findings = analyzeMesh({ objects: all.map((o) => (o === live ? draft : o)) }, { only: [refOf(draft)] });
    expect(findings.map((f) => f.code)).toEqual(['MD1006']);
  });
});
