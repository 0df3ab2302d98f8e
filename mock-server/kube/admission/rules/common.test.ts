import { describe, expect, it } from 'vitest';
import { described } from './testing';
import { durationCauses, exportToCauses, fqdnError, fractionCauses, portCauses, protocolCauses, subnetCauses, wildcardDomainError, workloadSelectorCauses } from './common';

describe('shared webhook checks', () => {
  it('accept wildcard domains only in the first label', () => {
    expect(wildcardDomainError('*.example.com')).toBeUndefined();
    expect(wildcardDomainError('reviews')).toBeUndefined();
    expect(wildcardDomainError('a.*.com')).toBe('domain name "a.*.com" invalid (label "*" invalid)');
    expect(wildcardDomainError('')).toBe('empty domain name not allowed');
    expect(fqdnError('*.example.com')).toBeDefined();
    expect(fqdnError('example.123')).toBe('domain name "example.123" invalid (top level domain "123" cannot be all-numeric)');
  });

  it('check ports, percentages and durations', () => {
    expect(described(portCauses('p', 70000))).toEqual(['p: Invalid value: 70000: port number 70000 must be in the range 1..65535']);
    expect(portCauses('p', 8080)).toEqual([]);
    expect(fractionCauses('f', 0.00001)).toHaveLength(1);
    expect(fractionCauses('f', 0)).toEqual([]);
    expect(durationCauses('d', '1.5s')).toEqual([]);
    expect(durationCauses('d', '0s')).toEqual([]);
    expect(described(durationCauses('d', '100us'))).toEqual(['d: Invalid value: "100us": duration must be greater than 1ms']);
    expect(described(durationCauses('d', '1500us'))).toEqual(['d: Invalid value: "1500us": only durations to ms precision are supported']);
  });

  it('check addresses, protocols, selectors and exportTo', () => {
    expect(subnetCauses('a', '10.0.0.0/8')).toEqual([]);
    expect(subnetCauses('a', '2001:db8::/32')).toEqual([]);
    expect(described(subnetCauses('a', '10.0.0.0/33'))).toEqual(['a: Invalid value: "10.0.0.0/33": 10.0.0.0/33 is not a valid CIDR block']);
    expect(protocolCauses('p', 'grpc-web')).toEqual([]);
    expect(protocolCauses('p', 'SMTP')[0]?.reason).toBe('FieldValueNotSupported');
    expect(described(workloadSelectorCauses('s', { app: 'web*' }))).toEqual(['s: Invalid value: "app=web*": wildcard is not supported in selector']);
    expect(exportToCauses('e', ['*', 'prod'])).toHaveLength(1);
    expect(exportToCauses('e', ['.', '.'])[0]?.field).toBe('e[1]');
  });
});
