import { describe, expect, it } from 'vitest';
import { ipInBlock, principalParts, requestPrincipalMatches, valueMatches } from './values';

describe('policy values', () => {
  it('uses "*" as presence and a leading or trailing "*" as suffix or prefix', () => {
    expect(valueMatches('*', '')).toBe(false);
    expect(valueMatches('*', 'x')).toBe(true);
    expect(valueMatches('*.example.com', 'api.example.com')).toBe(true);
    expect(valueMatches('/api/*', '/api/v1')).toBe(true);
    expect(valueMatches('GET', 'get')).toBe(false);
    expect(valueMatches('GET', 'get', true)).toBe(true);
  });

  it('matches IPv4 and IPv6 CIDR blocks and bare addresses', () => {
    expect(ipInBlock('10.1.0.0/16', '10.1.200.3')).toBe(true);
    expect(ipInBlock('10.1.0.0/16', '10.2.0.1')).toBe(false);
    expect(ipInBlock('192.168.1.5', '192.168.1.5')).toBe(true);
    expect(ipInBlock('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(ipInBlock('2001:db8::/32', '2001:db8:1::7')).toBe(true);
    expect(ipInBlock('2001:db8::/32', '10.0.0.1')).toBe(false);
    expect(ipInBlock('10.0.0.0/40', '10.0.0.1')).toBe(false);
  });

  it('splits request principals at the last slash', () => {
    expect(requestPrincipalMatches('https://a.example/x/y', 'https://a.example/x/y')).toBe(true);
    expect(requestPrincipalMatches('*example/x/y', 'https://a.example/x/y')).toBe(true);
    expect(requestPrincipalMatches('https://a.example/x/*', 'https://a.example/x/y')).toBe(true);
    expect(requestPrincipalMatches('https://a.example/*', 'https://a.example/x/y')).toBe(false);
  });

  it('reads namespace and service account from a principal', () => {
    expect(principalParts('cluster.local/ns/bookinfo/sa/bookinfo-reviews')).toEqual({ namespace: 'bookinfo', serviceAccount: 'bookinfo-reviews' });
    expect(principalParts(undefined)).toEqual({ namespace: undefined, serviceAccount: undefined });
  });
});
