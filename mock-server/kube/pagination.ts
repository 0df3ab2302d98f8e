/** Continue tokens for paginated lists: opaque to clients, base64 JSON as the API server's are. */
import { badRequest } from './errors';
import { isRecord } from './json-value';

interface ContinueToken {
  resourceVersion: number;
  /** The key of the last item returned; the next page starts after it. */
  after: string;
}

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.resourceVersion, start: token.after }), 'utf8').toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (isRecord(value) && typeof value.rv === 'number' && typeof value.start === 'string' && value.v === 'meta.k8s.io/v1') {
      return { resourceVersion: value.rv, after: value.start };
    }
  } catch {
    // reported below
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}
