import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../api/config-writes';
import { LIVE, versionChoices, versionObject } from './versions';

const entry = (seq: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  seq,
  action: 'update',
  user: 'alice',
  time: '2026-01-01T00:00:00Z',
  resourceVersion: String(seq),
  yaml: `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: a\nspec:\n  selector: {n: "${seq}"}\n`,
  ...extra,
});

describe('versionChoices', () => {
  it('offers live first, then the recorded versions newest first, without omitted ones', () => {
    const live = { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'a', resourceVersion: '9' } };
    const choices = versionChoices([entry(1), entry(2, { omitted: true, yaml: '' }), entry(3)], live);
    expect(choices.map((c) => c.id)).toEqual([LIVE, '3', '1']);
    expect(choices[0]?.yaml).not.toContain('resourceVersion');
    expect(versionChoices([entry(1)], undefined).map((c) => c.id)).toEqual(['1']);
  });
});

describe('versionObject', () => {
  it('reads a recorded version back, or says why it cannot', () => {
    expect(versionObject(entry(4)).object?.spec).toEqual({ selector: { n: '4' } });
    expect(versionObject(entry(5, { omitted: true, yaml: '' })).problem).toMatch(/too large/);
    expect(versionObject(entry(6, { yaml: 'kind: [' })).problem).toBeTruthy();
  });
});
