/** Span tag filters typed as Jaeger UI takes them: logfmt, `http.status_code=503 error=true user="a b"`. */

export type TagsParse = { readonly tags: Readonly<Record<string, string>> } | { readonly error: string };

const PAIR = /\s*([^\s="]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s"]*))\s*/y;

export function parseTags(text: string): TagsParse {
  const tags: Record<string, string> = {};
  PAIR.lastIndex = 0;
  const trimmed = text.trim();
  while (PAIR.lastIndex < trimmed.length) {
    const start = PAIR.lastIndex;
    const match = PAIR.exec(trimmed);
    if (!match || match.index !== start) {
      const word = trimmed.slice(start).trim().split(/\s+/)[0] ?? '';
      return { error: `tags: ${JSON.stringify(word)} is not key=value (e.g. http.status_code=503 error=true)` };
    }
    const [, key = '', quoted, bare] = match;
    tags[key] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '');
  }
  return { tags };
}

/** The text a user would type for `tags`; values with spaces or quotes are quoted. */
export function formatTags(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([key, value]) => (/^[^\s"]*$/.test(value) && value !== '' ? `${key}=${value}` : `${key}=${JSON.stringify(value)}`))
    .join(' ');
}

/** Tags from the URL's `tags` parameter (a JSON object of strings, see tracesPath); bad input reads as none. */
export function tagsFromUrl(text: string): Readonly<Record<string, string>> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}
