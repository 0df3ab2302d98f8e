import { describe, expect, it } from 'vitest';
import { tokenizeYaml } from './yaml-tokens';

const kinds = (source: string) => tokenizeYaml(source).map((line) => line.map((t) => `${t.kind}:${t.text}`).join(' '));

describe('tokenizeYaml', () => {
  it('tints keys and scalar kinds', () => {
    expect(kinds('apiVersion: v1\nreplicas: 3\nready: true\nname: "a: b"\nempty: {}')).toEqual([
      'key:apiVersion punct:: text:  string:v1',
      'key:replicas punct:: text:  number:3',
      'key:ready punct:: text:  literal:true',
      'key:name punct:: text:  string:"a: b"',
      'key:empty punct:: text:  punct:{}',
    ]);
  });

  it('handles list items, nested keys and keys with dots and slashes', () => {
    expect(kinds('spec:\n  hosts:\n    - reviews\n  http:\n    - route:\n        - destination:\n            host: app.kubernetes.io/name')).toEqual([
      'key:spec punct::',
      'text:   key:hosts punct::',
      'text:     punct:-  string:reviews',
      'text:   key:http punct::',
      'text:     punct:-  key:route punct::',
      'text:         punct:-  key:destination punct::',
      'text:             key:host punct:: text:  string:app.kubernetes.io/name',
    ]);
  });

  it('keeps block scalars as text, even when their lines look like keys', () => {
    expect(kinds('code: |\n  local a: 1\n  -- x: y\nnext: 2')).toEqual([
      'key:code punct:: text:  punct:|',
      'string:  local a: 1',
      'string:  -- x: y',
      'key:next punct:: text:  number:2',
    ]);
  });

  it('reads a negative number and a dash-led value as scalars', () => {
    expect(kinds('- -1\n- -x')).toEqual(['punct:-  number:-1', 'punct:-  string:-x']);
  });
});
