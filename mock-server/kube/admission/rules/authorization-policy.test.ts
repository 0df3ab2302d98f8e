import { describe, expect, it } from 'vitest';
import { authorizationPolicyRule } from './authorization-policy';
import { described, withSpec } from './testing';

const check = (spec: Record<string, unknown>) => described(authorizationPolicyRule(withSpec(spec)));

describe('AuthorizationPolicy rules', () => {
  it('accepts allow-nothing, allow and deny policies', () => {
    expect(check({})).toEqual([]);
    expect(
      check({
        selector: { matchLabels: { app: 'ratings' } },
        action: 'ALLOW',
        rules: [{ from: [{ source: { principals: ['cluster.local/ns/default/sa/web'] } }], to: [{ operation: { methods: ['GET'], ports: ['8080'] } }] }],
      }),
    ).toEqual([]);
    expect(check({ action: 'DENY', rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/8'] } }] }] })).toEqual([]);
  });

  it('needs a provider for CUSTOM, and only for CUSTOM', () => {
    expect(check({ action: 'CUSTOM', rules: [{}] })).toEqual(['spec.provider.name: Required value: a CUSTOM action needs the name of an extension provider']);
    expect(check({ action: 'ALLOW', provider: { name: 'ext-authz' } })).toEqual([
      'spec.provider: Invalid value: "object": a provider can only be used with the CUSTOM action, not ALLOW',
    ]);
  });

  it('rejects a DENY policy without rules', () => {
    expect(check({ action: 'DENY' })).toEqual(['spec.rules: Required value: a deny policy without `rules` is meaningless and has no effect']);
  });

  it('rejects empty sources, operations and values', () => {
    expect(
      check({
        rules: [
          {
            from: [{ source: {} }, { source: { principals: [''], ipBlocks: ['10.0.0.300'] } }],
            to: [{ operation: { ports: ['http'] } }],
            when: [{ key: 'request.headers[x]' }],
          },
        ],
      }),
    ).toEqual([
      'spec.rules[0].from[0].source: Invalid value: "object": `from.source` must not be empty',
      'spec.rules[0].from[1].source.principals[0]: Invalid value: "": empty value is not allowed',
      'spec.rules[0].from[1].source.ipBlocks[0]: Invalid value: "10.0.0.300": 10.0.0.300 is not a valid IP',
      'spec.rules[0].to[0].operation.ports[0]: Invalid value: "http": invalid port: http',
      'spec.rules[0].when[0].values: Required value: at least one of `values` or `notValues` must be set for key request.headers[x]',
    ]);
  });
});
