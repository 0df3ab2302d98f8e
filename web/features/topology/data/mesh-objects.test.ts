import { describe, expect, it } from 'vitest';
import { canIndexConfig } from './mesh-objects';

describe('canIndexConfig', () => {
  const base = { configPending: false, indexed: false, waitedForConfig: false };

  it('waits for every config list before the first index, so that their arrivals do not rebuild the graph one by one', () => {
    expect(canIndexConfig({ ...base, configPending: true })).toBe(false);
    expect(canIndexConfig(base)).toBe(true);
  });

  it('stops waiting for slow config lists after a while', () => {
    expect(canIndexConfig({ ...base, configPending: true, waitedForConfig: true })).toBe(true);
  });

  it('indexes again at once once there is an index (a list being re-listed does not hide the graph)', () => {
    expect(canIndexConfig({ ...base, configPending: true, indexed: true })).toBe(true);
  });
});
