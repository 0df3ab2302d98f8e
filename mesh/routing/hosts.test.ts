import { describe, expect, it } from 'vitest';
import { hostCovers, hostIntersection, normalizeRequestHost, parseExportTo, isVisible, resolveShortname, stripPort } from './hosts';

describe('resolveShortname', () => {
  it('expands a name without dots in the config namespace', () => {
    expect(resolveShortname('reviews', 'bookinfo')).toBe('reviews.bookinfo.svc.cluster.local');
  });

  it('keeps names with a dot literally, as Istio does', () => {
    expect(resolveShortname('reviews.bookinfo', 'default')).toBe('reviews.bookinfo');
    expect(resolveShortname('*.bookinfo.svc.cluster.local', 'default')).toBe('*.bookinfo.svc.cluster.local');
    expect(resolveShortname('*', 'default')).toBe('*');
  });
});

describe('host matching', () => {
  it('wildcards cover any number of leading labels but not the bare suffix', () => {
    expect(hostCovers('*.bookinfo.svc.cluster.local', 'reviews.bookinfo.svc.cluster.local')).toBe(true);
    expect(hostCovers('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostCovers('*.example.com', 'example.com')).toBe(false);
    expect(hostCovers('*', 'anything.at.all')).toBe(true);
    expect(hostCovers('reviews.bookinfo.svc.cluster.local', 'ratings.bookinfo.svc.cluster.local')).toBe(false);
  });

  it('intersects two patterns to the more specific one', () => {
    expect(hostIntersection('*', 'bookinfo.com')).toBe('bookinfo.com');
    expect(hostIntersection('*.com', '*.example.com')).toBe('*.example.com');
    expect(hostIntersection('a.com', 'b.com')).toBeUndefined();
  });
});

describe('normalizeRequestHost', () => {
  const known = new Set(['reviews.bookinfo.svc.cluster.local']);
  const isKnown = (h: string): boolean => known.has(h);

  it('resolves the DNS search forms a client may use', () => {
    expect(normalizeRequestHost('reviews', 'bookinfo', isKnown)).toBe('reviews.bookinfo.svc.cluster.local');
    expect(normalizeRequestHost('reviews:9080', 'bookinfo', isKnown)).toBe('reviews.bookinfo.svc.cluster.local');
    expect(normalizeRequestHost('reviews.bookinfo', 'default', isKnown)).toBe('reviews.bookinfo.svc.cluster.local');
    expect(normalizeRequestHost('reviews.bookinfo.svc', 'default', isKnown)).toBe('reviews.bookinfo.svc.cluster.local');
    expect(normalizeRequestHost('Reviews.Bookinfo.svc.cluster.local', 'default', isKnown)).toBe('reviews.bookinfo.svc.cluster.local');
  });

  it('keeps external names and IPs as written', () => {
    expect(normalizeRequestHost('api.github.com', 'bookinfo', isKnown)).toBe('api.github.com');
    expect(normalizeRequestHost('10.0.0.1:80', 'bookinfo', isKnown)).toBe('10.0.0.1');
    expect(stripPort('[::1]:8080')).toBe('[::1]');
  });
});

describe('exportTo', () => {
  it('defaults to everywhere and honours ".", "~" and namespace names', () => {
    expect(isVisible(parseExportTo([], 'a'), 'b')).toBe(true);
    expect(isVisible(parseExportTo(['.'], 'a'), 'a')).toBe(true);
    expect(isVisible(parseExportTo(['.'], 'a'), 'b')).toBe(false);
    expect(isVisible(parseExportTo(['b', 'c'], 'a'), 'c')).toBe(true);
    expect(isVisible(parseExportTo(['~'], 'a'), 'a')).toBe(false);
    expect(isVisible(parseExportTo(['.', '*'], 'a'), 'z')).toBe(true);
  });
});
