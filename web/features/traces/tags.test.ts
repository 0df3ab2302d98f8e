import { describe, expect, it } from 'vitest';
import { formatTags, parseTags, tagsFromUrl } from './tags';

describe('parseTags', () => {
  it('reads key=value pairs, quoted values with spaces included', () => {
    expect(parseTags('http.status_code=503  error=true')).toEqual({ tags: { 'http.status_code': '503', error: 'true' } });
    expect(parseTags('user="a b" q="say \\"hi\\""')).toEqual({ tags: { user: 'a b', q: 'say "hi"' } });
    expect(parseTags('   ')).toEqual({ tags: {} });
  });

  it('says which word is not a pair', () => {
    expect(parseTags('error=true oops')).toEqual({ error: 'tags: "oops" is not key=value (e.g. http.status_code=503 error=true)' });
    expect(parseTags('=x')).toHaveProperty('error');
  });

  it('round-trips through formatTags', () => {
    const tags = { 'http.status_code': '503', user: 'a b', empty: '' };
    expect(parseTags(formatTags(tags))).toEqual({ tags });
  });
});

describe('tagsFromUrl', () => {
  it('keeps string values of a JSON object and ignores anything else', () => {
    expect(tagsFromUrl('{"error":"true","n":1}')).toEqual({ error: 'true' });
    expect(tagsFromUrl('[1]')).toEqual({});
    expect(tagsFromUrl('{bad')).toEqual({});
    expect(tagsFromUrl('')).toEqual({});
  });
});
