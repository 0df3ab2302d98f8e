/** Bearer-token authentication and a two-role authorizer (admin, read-only), worded like RBAC. */
import { timingSafeEqual } from 'node:crypto';
import { forbidden, unauthorized, type ApiError } from './errors';

export type Role = 'admin' | 'read-only';

export interface TokenEntry {
  token: string;
  user: string;
  role: Role;
}

export interface AuthOptions {
  /** Without tokens the server is open: every request acts as an administrator. */
  tokens?: readonly TokenEntry[];
}

export interface Identity {
  readonly user: string;
  readonly role: Role;
  readonly groups: readonly string[];
}

export const READ_VERBS: readonly string[] = ['get', 'list', 'watch'];

/** Who every request is when the server runs without tokens. */
export const OPEN_ACCESS_IDENTITY: Identity = {
  user: 'system:admin',
  role: 'admin',
  groups: ['system:masters', 'system:authenticated'],
};

function identityOf(entry: TokenEntry): Identity {
  const groups = entry.role === 'admin' ? ['system:masters', 'system:authenticated'] : ['system:authenticated'];
  return { user: entry.user, role: entry.role, groups };
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export class Authenticator {
  private readonly tokens: readonly TokenEntry[];

  constructor(options: AuthOptions = {}) {
    this.tokens = options.tokens ?? [];
  }

  /** True when no tokens are configured and anyone may do anything. */
  get open(): boolean {
    return this.tokens.length === 0;
  }

  /** The caller's identity; throws 401 Unauthorized. */
  authenticate(authorization: string | undefined): Identity {
    if (this.open) return OPEN_ACCESS_IDENTITY;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const presented = match?.[1];
    const entry = presented === undefined ? undefined : this.tokens.find((t) => sameToken(t.token, presented));
    if (!entry) throw unauthorized();
    return identityOf(entry);
  }
}

export interface ResourceAttributes {
  verb: string;
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** API groups whose self-review resources every authenticated user may create. */
const SELF_REVIEW_GROUPS: readonly string[] = ['authorization.k8s.io', 'authentication.k8s.io'];

export function isAllowed(identity: Identity, attributes: ResourceAttributes): boolean {
  if (identity.role === 'admin') return true;
  if (READ_VERBS.includes(attributes.verb)) return true;
  return attributes.verb === 'create' && SELF_REVIEW_GROUPS.includes(attributes.group ?? '');
}

export function forbiddenError(identity: Identity, attributes: ResourceAttributes): ApiError {
  const { verb, group = '', resource = '', subresource, namespace, name } = attributes;
  const label = group === '' ? resource : `${resource}.${group}`;
  const subject = name ? `${label} "${name}"` : label;
  const fullResource = subresource ? `${resource}/${subresource}` : resource;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const message = `${subject} is forbidden: User "${identity.user}" cannot ${verb} resource "${fullResource}" in API group "${group}" ${scope}`;
  return forbidden(message, group === '' ? { name, kind: resource } : { name, group, kind: resource });
}

/** Throws 403 Forbidden when the identity may not do this. */
export function authorize(identity: Identity, attributes: ResourceAttributes): void {
  if (!isAllowed(identity, attributes)) throw forbiddenError(identity, attributes);
}
