import { describe, expect, it } from 'vitest';
import { canonicalServiceOf, jaegerNamesOf } from './scope-service';

describe('canonicalServiceOf', () => {
  it('prefers the canonical-name label, then app, then the fallback', () => {
    expect(canonicalServiceOf({ 'service.istio.io/canonical-name': 'ratings', app: 'x' }, 'w')).toBe('ratings');
    expect(canonicalServiceOf({ app: 'reviews' }, 'reviews-v1')).toBe('reviews');
    expect(canonicalServiceOf({}, 'reviews-v1')).toBe('reviews-v1');
  });
});

describe('jaegerNamesOf', () => {
  it('names each distinct canonical service the way Istio reports it to Jaeger', () => {
    expect(jaegerNamesOf([{ app: 'reviews', version: 'v1' }, { app: 'reviews', version: 'v2' }, { app: 'legacy' }], 'bookinfo', 'svc')).toEqual([
      'reviews.bookinfo',
      'legacy.bookinfo',
    ]);
  });
});
