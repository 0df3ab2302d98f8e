import { describe, expect, it } from 'vitest';
import { requestAuthenticationRule } from './request-authentication';
import { described, withSpec } from './testing';

const check = (spec: Record<string, unknown>) => described(requestAuthenticationRule(withSpec(spec)));

describe('RequestAuthentication rules', () => {
  it('accepts a JWT rule with an issuer and a JWKS URI', () => {
    expect(check({ jwtRules: [{ issuer: 'https://issuer.example.com', jwksUri: 'https://issuer.example.com/jwks.json' }] })).toEqual([]);
  });

  it('requires an issuer and non-empty locations', () => {
    expect(check({ jwtRules: [{ jwksUri: 'ftp://x/keys', audiences: [''], fromHeaders: [{ name: '' }] }] })).toEqual([
      'spec.jwtRules[0].issuer: Required value: issuer must be set',
      'spec.jwtRules[0].audiences[0]: Invalid value: "": audience must be non-empty string',
      'spec.jwtRules[0].jwksUri: Invalid value: "ftp://x/keys": jwks URI must use the http or https scheme',
      'spec.jwtRules[0].fromHeaders[0].name: Required value: location header name must be non-empty string',
    ]);
  });

  it('does not allow both a selector and target references', () => {
    expect(check({ selector: { matchLabels: { app: 'a' } }, targetRefs: [{ kind: 'Gateway', name: 'gw' }] })).toEqual([
      'spec.selector: Invalid value: "object": only one of targetRefs or selector can be set',
    ]);
  });
});
