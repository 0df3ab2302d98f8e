import { describe, expect, it } from 'vitest';
import { healthForRatio, isServerError, SERVER_ERROR_TOLERANCE, CLIENT_ERROR_TOLERANCE, trafficHealth } from './health';

describe('Kiali default tolerances', () => {
  it('marks 5xx degraded from 0.1 % and failing from 10 %', () => {
    expect(healthForRatio(0.0004, SERVER_ERROR_TOLERANCE)).toBe('healthy');
    expect(healthForRatio(0.001, SERVER_ERROR_TOLERANCE)).toBe('degraded');
    expect(healthForRatio(0.0999, SERVER_ERROR_TOLERANCE)).toBe('failure');
    expect(healthForRatio(0.099, SERVER_ERROR_TOLERANCE)).toBe('degraded');
    expect(healthForRatio(0.1, SERVER_ERROR_TOLERANCE)).toBe('failure');
  });

  it('tolerates 4xx up to 10 % (degraded above), failing from 20 %', () => {
    expect(healthForRatio(0.1, CLIENT_ERROR_TOLERANCE)).toBe('healthy');
    expect(healthForRatio(0.11, CLIENT_ERROR_TOLERANCE)).toBe('degraded');
    expect(healthForRatio(0.2, CLIENT_ERROR_TOLERANCE)).toBe('failure');
  });

  it('combines both and knows idle traffic', () => {
    expect(trafficHealth(10, 0, 0.15)).toBe('degraded');
    expect(trafficHealth(10, 0.2, 0)).toBe('failure');
    expect(trafficHealth(0, 0, 0)).toBe('idle');
    expect(trafficHealth(0, 0, 0, 100)).toBe('healthy');
  });

  it('counts 5xx, no response and gRPC failures as server errors', () => {
    expect(isServerError('503', undefined)).toBe(true);
    expect(isServerError('0', undefined)).toBe(true);
    expect(isServerError('200', '14')).toBe(true);
    expect(isServerError('200', '0')).toBe(false);
    expect(isServerError('404', '')).toBe(false);
  });
});
