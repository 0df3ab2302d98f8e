import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../mesh/analysis';
import { analysisMarkers } from './analysis-markers';

const TEXT = 'spec:\n  http:\n    - route:\n        - destination:\n            host: reviews\n            subset: v9\n';

describe('analysisMarkers', () => {
  it('places a finding at its field with its code and fix', () => {
    const finding: Finding = {
      code: 'MD1002',
      severity: 'error',
      message: 'Subset v9 is not defined for reviews.',
      object: { kind: 'VirtualService', group: 'networking.istio.io', namespace: 'bookinfo', name: 'reviews' },
      path: ['spec', 'http', 0, 'route', 0, 'destination', 'subset'],
      related: [],
      fix: { description: 'Use one of v1, v2, v3.' },
      source: 'meshdeck',
    };
    expect(analysisMarkers(TEXT, [finding])).toEqual([
      {
        line: 6,
        column: 13,
        endLine: 6,
        endColumn: 23,
        severity: 'error',
        source: 'analysis',
        code: 'MD1002',
        message: 'Subset v9 is not defined for reviews. Fix: Use one of v1, v2, v3.',
      },
    ]);
  });
});
