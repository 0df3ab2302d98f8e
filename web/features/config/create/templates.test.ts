import { describe, expect, it } from 'vitest';
import { CONFIG_KINDS } from '../../../../mesh/kinds';
import { parseManifest } from '../../../api/config-writes';
import { TEMPLATE_KINDS, templateFor } from './templates';

describe('templates', () => {
  it('exist for every config kind', () => {
    expect(TEMPLATE_KINDS.map((k) => k.kind)).toEqual(CONFIG_KINDS.map((k) => k.kind));
  });

  it.each(CONFIG_KINDS.map((kind) => [kind.kind, kind] as const))('%s parses to one object of its kind in the chosen namespace', (_, kind) => {
    const [document, ...rest] = parseManifest(templateFor(kind, 'team-a'));
    expect(rest).toEqual([]);
    expect(document?.problems).toEqual([]);
    expect(document?.kind).toBe(kind);
    expect(document?.object?.metadata.namespace).toBe(kind.namespaced ? 'team-a' : undefined);
  });
});
