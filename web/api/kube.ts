/**
 * The typed Kubernetes API client: the one place that knows REST paths, query parameters, content
 * types and the shapes that come back.
 */
import type { KindInfo } from '../../mesh/kinds';
import { resourcePath } from '../../mesh/kinds';
import type { KubeList, KubeObject } from '../../mesh/kube-types';
import { ConnectionMonitor } from './connection';
import { ProtocolError } from './errors';
import { asString, isRecord, parseKubeList, parseKubeObject } from './guards';
import { KubeTransport } from './http';
import type { Query } from './http';
import { memoryTokenStore } from './token-store';
import type { TokenStore } from './token-store';
import { defaultRetryDelay, runWatch } from './watch';
import type { WatchOptions, WatchScope } from './watch';

export interface KubeClientOptions {
  /** Where the API is served; `/k8s` by default (a proxy in front of the API server). */
  baseUrl?: string;
  fetch?: typeof fetch;
  tokens?: TokenStore;
  monitor?: ConnectionMonitor;
  /** Delay before the n-th retry of a failing watch. */
  retryDelay?: (attempt: number) => number;
  /** Items per page when listing (default DEFAULT_LIST_PAGE_SIZE); large lists arrive in chunks as kubectl fetches them. */
  listPageSize?: number;
}

/**
 * Larger than kubectl's 500: each page is a round trip the screen waits for, and a big mesh's
 * config kinds (a DestinationRule per service) pass a thousand objects.
 */
export const DEFAULT_LIST_PAGE_SIZE = 5000;

export interface ListOptions extends WatchScope {
  signal?: AbortSignal;
}

export interface WriteOptions {
  /** Validate and admit, but persist nothing. */
  dryRun?: boolean;
  fieldManager?: string;
  signal?: AbortSignal;
}

export type PatchType = 'merge' | 'json' | 'apply';

export interface PatchOptions extends WriteOptions {
  /** Server-side apply only: take ownership of fields other managers own. */
  force?: boolean;
}

export type DeleteOptions = WriteOptions & {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  /** Delete only if the object is still this version (409 Conflict otherwise). */
  preconditions?: { resourceVersion?: string; uid?: string };
};

export interface AccessAttributes {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface AccessReview {
  allowed: boolean;
  denied: boolean;
  reason?: string;
}

/** Who the API server says the caller is (SelfSubjectReview). */
export interface UserIdentity {
  readonly username: string;
  readonly groups: readonly string[];
}

export interface ServerVersion {
  gitVersion: string;
  platform?: string;
}

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

const FIELD_MANAGER = 'meshdeck';

export class KubeClient {
  readonly transport: KubeTransport;
  private readonly retryDelay: (attempt: number) => number;
  private readonly listPageSize: number;

  constructor(options: KubeClientOptions = {}) {
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.transport = new KubeTransport(
      options.baseUrl ?? '/k8s',
      fetchImpl,
      options.tokens ?? memoryTokenStore(),
      options.monitor ?? new ConnectionMonitor(),
    );
    this.retryDelay = options.retryDelay ?? defaultRetryDelay;
    this.listPageSize = options.listPageSize ?? DEFAULT_LIST_PAGE_SIZE;
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  get tokens(): TokenStore {
    return this.transport.tokens;
  }

  get monitor(): ConnectionMonitor {
    return this.transport.monitor;
  }

  /** Lists a collection, following `continue` tokens so that large lists arrive in pages. */
  async list(info: KindInfo, options: ListOptions = {}): Promise<KubeList> {
    const path = resourcePath(info, { namespace: options.namespace });
    const items: KubeObject[] = [];
    let first: KubeList | undefined;
    let continueToken: string | undefined;
    do {
      const query: Query = {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        limit: String(this.listPageSize),
        continue: continueToken,
      };
      const page = parseKubeList(await this.transport.json('GET', path, { query, signal: options.signal }), info);
      if (!page) throw new ProtocolError(`GET ${path} did not return a ${info.kind} list`, { method: 'GET', url: path });
      first ??= page;
      items.push(...page.items);
      continueToken = page.metadata.continue;
    } while (continueToken);
    return { ...first, metadata: { resourceVersion: first.metadata.resourceVersion }, items };
  }

  async get(info: KindInfo, namespace: string | undefined, name: string, signal?: AbortSignal): Promise<KubeObject> {
    const path = resourcePath(info, { namespace, name });
    return this.object('GET', path, info, { signal });
  }

  async create(info: KindInfo, object: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const path = resourcePath(info, { namespace: object.metadata.namespace });
    return this.object('POST', path, info, { body: object, query: writeQuery(options), signal: options.signal });
  }

  /** Replaces the object; the server refuses with 409 Conflict if its resourceVersion is stale. */
  async update(info: KindInfo, object: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const { namespace, name } = object.metadata;
    if (!name) throw new Error(`Cannot update a ${info.kind} without metadata.name`);
    const path = resourcePath(info, { namespace, name });
    return this.object('PUT', path, info, { body: object, query: writeQuery(options), signal: options.signal });
  }

  /** `merge` takes an object, `json` an RFC 6902 operation list, `apply` the full intended object. */
  async patch(
    info: KindInfo,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options: PatchOptions = {},
  ): Promise<KubeObject> {
    const path = resourcePath(info, { namespace, name });
    const query: Query = { ...writeQuery(options), force: type === 'apply' && options.force ? 'true' : undefined };
    if (type === 'apply') query.fieldManager ??= FIELD_MANAGER;
    return this.object('PATCH', path, info, {
      body: patch,
      contentType: PATCH_CONTENT_TYPES[type],
      query,
      signal: options.signal,
    });
  }

  /** Deletes the object; resolves with what the server returned (the object, or a Success status). */
  async delete(info: KindInfo, namespace: string | undefined, name: string, options: DeleteOptions = {}): Promise<unknown> {
    const path = resourcePath(info, { namespace, name });
    return this.transport.json('DELETE', path, {
      query: writeQuery(options),
      body: deleteBody(options),
      signal: options.signal,
    });
  }

  /** Asks the server whether the current identity may do something: the answer RBAC would give. */
  async selfSubjectAccessReview(attributes: AccessAttributes, signal?: AbortSignal): Promise<AccessReview> {
    const body = {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attributes },
    };
    const path = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
    const answer = await this.transport.json('POST', path, { body, signal });
    const status = isRecord(answer) && isRecord(answer.status) ? answer.status : undefined;
    if (!status) throw new ProtocolError('SelfSubjectAccessReview came back without a status', { method: 'POST', url: path });
    return { allowed: status.allowed === true, denied: status.denied === true, reason: asString(status.reason) };
  }

  /** The signed-in identity as the API server authenticated it. */
  async selfSubjectReview(signal?: AbortSignal): Promise<UserIdentity> {
    const path = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
    const body = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };
    const answer = await this.transport.json('POST', path, { body, signal });
    const userInfo = isRecord(answer) && isRecord(answer.status) && isRecord(answer.status.userInfo) ? answer.status.userInfo : undefined;
    const username = asString(userInfo?.username);
    if (!userInfo || username === undefined) throw new ProtocolError('SelfSubjectReview came back without a user', { method: 'POST', url: path });
    const groups = Array.isArray(userInfo.groups) ? userInfo.groups.filter((g): g is string => typeof g === 'string') : [];
    return { username, groups };
  }

  async serverVersion(signal?: AbortSignal): Promise<ServerVersion> {
    const answer = await this.transport.json('GET', '/version', { signal });
    const gitVersion = isRecord(answer) ? asString(answer.gitVersion) : undefined;
    if (!gitVersion) throw new ProtocolError('/version did not return a version', { method: 'GET', url: '/version' });
    return { gitVersion, platform: isRecord(answer) ? asString(answer.platform) : undefined };
  }

  /** Runs until `options.signal` aborts; see runWatch for the reconnect and relist rules. */
  watch(info: KindInfo, options: WatchOptions): Promise<void> {
    return runWatch(this.transport, (kind, scope) => this.list(kind, scope), info, options, this.retryDelay);
  }

  private async object(
    method: string,
    path: string,
    info: KindInfo,
    options: { body?: unknown; contentType?: string; query?: Query; signal?: AbortSignal },
  ): Promise<KubeObject> {
    const object = parseKubeObject(await this.transport.json(method, path, options), info);
    if (!object) throw new ProtocolError(`${method} ${path} did not return a ${info.kind}`, { method, url: path });
    return object;
  }
}

function deleteBody(options: DeleteOptions): unknown {
  const { propagationPolicy, preconditions } = options;
  if (!propagationPolicy && !preconditions) return undefined;
  return { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy, preconditions };
}

function writeQuery(options: WriteOptions): Query {
  return { dryRun: options.dryRun ? 'All' : undefined, fieldManager: options.fieldManager };
}
