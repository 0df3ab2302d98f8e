/** What every REST handler works with: the server's collaborators, and the parsed request. */
import { apiVersionOf, type KindInfo } from '../../mesh/kinds';
import type { KubeObject, StatusCause } from '../../mesh/kube-types';
import { authorize, type Identity } from './auth';
import type { Query } from './query';
import type { ResourceTarget } from './resource-path';
import type { ObjectStore } from './store';
import type { ResponseFormat } from './wire';

/** Returns the problems with an object about to be stored; empty when it is valid. */
export type ObjectValidator = (info: KindInfo, version: string, obj: KubeObject) => StatusCause[];

export interface ApiContext {
  readonly store: ObjectStore;
  readonly validate: ObjectValidator;
  readonly now: () => Date;
  /** How often watches that allow bookmarks get one. */
  readonly bookmarkIntervalMs: number;
  /** Watch streams in progress, closed when the server closes. */
  readonly openWatches: Set<{ close(): void }>;
}

export interface ApiRequest {
  readonly target: ResourceTarget;
  readonly identity: Identity;
  readonly query: Query;
  /** Raw bytes for binary (protobuf) bodies, text otherwise. */
  readonly body: string | Buffer | undefined;
  readonly contentType: string | undefined;
  readonly format: ResponseFormat;
}

/** The apiVersion the request addresses, which responses are served in. */
export function requestApiVersion(request: ApiRequest): string {
  return apiVersionOf(request.target.info, request.target.version);
}

/** Throws 403 Forbidden unless the caller may do `verb` on the target. */
export function authorizeRequest(request: ApiRequest, verb: string): void {
  const { info, namespace, name, subresource } = request.target;
  authorize(request.identity, { verb, group: info.group, resource: info.plural, subresource, namespace, name });
}
