import { describe, expect, it } from 'vitest';
import { canIndex } from './mesh-objects';

describe('canIndex', () => {
  const base = { requiredIn: true, configPending: false, indexed: false, waitedForConfig: false };

  it('waits for the workloads, services and namespaces', () => {
    expect(canIndex({ ...base, requiredIn: false })).toBe(false);
    expect(canIndex({ ...base, requiredIn: false, indexed: true })).toBe(false);
  });

  it('waits for the config lists before the first index, so that their arrivals do not rebuild the graph one by one', () => {
    expect(canIndex({ ...base, configPending: true })).toBe(false);
    expect(canIndex(base)).toBe(true);
  });

  it('stops waiting for slow config lists after a while', () => {
    expect(canIndex({ ...base, configPending: true, waitedForConfig: true })).toBe(true);
  });

  it('indexes again at once once there is an index (a list being re-listed does not hide the graph)', () => {
    expect(canIndex({ ...base, configPending: true, indexed: true })).toBe(true);
  });
});
