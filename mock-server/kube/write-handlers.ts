/** POST, PUT, PATCH and DELETE on objects and collections. */
import type { FastifyReply } from 'fastify';
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject, ObjectMeta } from '../../mesh/kube-types';
import { authorizeRequest, requestApiVersion, type ApiContext, type ApiRequest } from './api-context';
import { asVersion } from './codec';
import { ApiError, badRequest, failureStatus, forbidden, invalid, notFound } from './errors';
import { cloneJson, isRecord } from './json-value';
import { buildObjectFilter } from './object-filter';
import { applyPatch, patchTypeOf } from './patch';
import { sendJson, sendList, sendObject } from './respond';
import { NAMESPACE_KIND } from './kind-lookup';
import { prepareCreate, prepareStatusUpdate, prepareUpdate } from './strategy';
import { kubeTimestamp } from './time-format';
import { asKubeObject, decodeBody } from './wire';

function isBuiltin(info: KindInfo): boolean {
  return info.group === '' || info.group === 'apps';
}

/** Checks a body against the URL (apiVersion, kind, namespace, name) and fills in what it leaves out. */
function conformBody(request: ApiRequest, obj: KubeObject): KubeObject {
  const { info, namespace, name } = request.target;
  const expected = requestApiVersion(request);
  if (obj.apiVersion && obj.apiVersion !== expected) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expected})`);
  }
  if (obj.kind && obj.kind !== info.kind) {
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${info.kind})`);
  }
  const metadata = { ...obj.metadata };
  if (info.namespaced) {
    if (metadata.namespace && metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    metadata.namespace = namespace;
  } else {
    delete metadata.namespace;
  }
  if (name !== undefined) {
    if (metadata.name && metadata.name !== name) {
      throw badRequest(`the name of the object (${metadata.name}) does not match the name on the URL (${name})`);
    }
    metadata.name = name;
  }
  return { ...obj, apiVersion: expected, kind: info.kind, metadata };
}

function decodedObject(request: ApiRequest): KubeObject {
  return conformBody(request, asKubeObject(decodeBody(request.body, request.contentType)));
}

function validateOrThrow(context: ApiContext, request: ApiRequest, obj: KubeObject): void {
  const { info, version } = request.target;
  const causes = context.validate(info, version, obj);
  if (causes.length > 0) throw invalid(info, obj.metadata.name ?? obj.metadata.generateName ?? '', causes);
}

async function createFrom(context: ApiContext, request: ApiRequest, reply: FastifyReply, input: KubeObject): Promise<FastifyReply> {
  const { info, namespace } = request.target;
  // As the namespace lifecycle admission does, before any validation.
  if (namespace !== undefined && !context.store.get(NAMESPACE_KIND, undefined, namespace)) {
    throw notFound(NAMESPACE_KIND, namespace);
  }
  const prepared = prepareCreate(info, input, context.store);
  validateOrThrow(context, request, prepared);
  const stored = await context.store.create(info, prepared, { dryRun: request.query.dryRun() });
  return sendObject(reply, context, request, 201, stored);
}

export async function createObject(context: ApiContext, request: ApiRequest, reply: FastifyReply): Promise<FastifyReply> {
  authorizeRequest(request, 'create');
  return createFrom(context, request, reply, decodedObject(request));
}

function currentObject(context: ApiContext, request: ApiRequest): KubeObject {
  const { info, namespace, name = '' } = request.target;
  const current = context.store.get(info, namespace, name);
  if (!current) throw notFound(info, name);
  return current;
}

/** Turns the client's intended object into what is stored, honouring the status subresource. */
async function updateFrom(
  context: ApiContext,
  request: ApiRequest,
  reply: FastifyReply,
  input: KubeObject,
  current: KubeObject,
): Promise<FastifyReply> {
  const { info, subresource } = request.target;
  const prepared =
    subresource === 'status'
      ? { ...prepareStatusUpdate(input, current), apiVersion: requestApiVersion(request) }
      : prepareUpdate(info, input, current, context.store);
  validateOrThrow(context, request, prepared);
  const stored = await context.store.update(info, prepared, { dryRun: request.query.dryRun() });
  return sendObject(reply, context, request, 200, stored);
}

export async function replaceObject(context: ApiContext, request: ApiRequest, reply: FastifyReply): Promise<FastifyReply> {
  authorizeRequest(request, 'update');
  const input = decodedObject(request);
  const current = currentObject(context, request);
  // Custom resources refuse unconditional updates; built-in kinds allow them.
  if (!input.metadata.resourceVersion && !isBuiltin(request.target.info)) {
    throw invalid(request.target.info, input.metadata.name ?? '', [
      { reason: 'FieldValueInvalid', message: 'Invalid value: 0x0: must be specified for an update', field: 'metadata.resourceVersion' },
    ]);
  }
  return updateFrom(context, request, reply, input, current);
}

export async function patchObject(context: ApiContext, request: ApiRequest, reply: FastifyReply): Promise<FastifyReply> {
  authorizeRequest(request, 'patch');
  const { info, namespace, name = '', subresource } = request.target;
  const type = patchTypeOf(request.contentType);
  const patch = decodeBody(request.body, request.contentType);
  if (patch === undefined) throw badRequest('the patch body is empty');
  if (type === 'apply') {
    if (!request.query.string('fieldManager')) {
      throw new ApiError(
        failureStatus(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'),
      );
    }
    conformBody(request, asKubeObject(patch));
    if (!context.store.get(info, namespace, name) && subresource === undefined) {
      return createFrom(context, request, reply, conformBody(request, asKubeObject(patch)));
    }
  }
  const current = currentObject(context, request);
  const patched = applyPatch(type, asVersion(current, requestApiVersion(request)), patch, isBuiltin(info));
  return updateFrom(context, request, reply, conformBody(request, asKubeObject(patched)), current);
}

interface DeleteBody {
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

function deleteOptions(request: ApiRequest): DeleteBody {
  const body = decodeBody(request.body, request.contentType);
  const options: DeleteBody = { dryRun: request.query.dryRun() };
  if (!isRecord(body)) return options;
  if (Array.isArray(body.dryRun) && body.dryRun.includes('All')) options.dryRun = true;
  const { preconditions } = body;
  if (isRecord(preconditions)) {
    const { uid, resourceVersion } = preconditions;
    options.preconditions = {
      uid: typeof uid === 'string' ? uid : undefined,
      resourceVersion: typeof resourceVersion === 'string' ? resourceVersion : undefined,
    };
  }
  return options;
}

/** Kinds whose DELETE answers with a Status rather than the deleted object. */
const ANSWERS_WITH_STATUS: readonly string[] = ['ConfigMap', 'Deployment'];

function deletionStatus(info: KindInfo, deleted: KubeObject): Record<string, unknown> | undefined {
  if (!isBuiltin(info) || !ANSWERS_WITH_STATUS.includes(info.kind)) return undefined;
  const { name, uid } = deleted.metadata;
  const details = info.group === '' ? { name, kind: info.plural, uid } : { name, group: info.group, kind: info.plural, uid };
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
}

/** Pods and namespaces are answered as they look while they terminate. */
function terminatingView(info: KindInfo, deleted: KubeObject, now: Date): KubeObject {
  if (info.group !== '' || (info.kind !== 'Pod' && info.kind !== 'Namespace')) return deleted;
  const view = cloneJson(deleted);
  const metadata: ObjectMeta & { deletionGracePeriodSeconds?: number } = {
    ...view.metadata,
    deletionTimestamp: kubeTimestamp(now),
  };
  if (info.kind === 'Pod') metadata.deletionGracePeriodSeconds = 30;
  else view.status = { ...view.status, phase: 'Terminating' };
  view.metadata = metadata;
  return view;
}

/** Namespaces the API server refuses to delete. */
const PROTECTED_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

export async function deleteObject(context: ApiContext, request: ApiRequest, reply: FastifyReply): Promise<FastifyReply> {
  authorizeRequest(request, 'delete');
  const { info, namespace, name = '' } = request.target;
  if (info === NAMESPACE_KIND && PROTECTED_NAMESPACES.includes(name)) {
    throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' });
  }
  const deleted = await context.store.delete(info, namespace, name, deleteOptions(request));
  const status = deletionStatus(info, deleted);
  if (status) return sendJson(reply, 200, JSON.stringify(status));
  return sendObject(reply, context, request, 200, terminatingView(info, deleted, context.now()));
}

export async function deleteCollection(context: ApiContext, request: ApiRequest, reply: FastifyReply): Promise<FastifyReply> {
  authorizeRequest(request, 'deletecollection');
  const { info, namespace } = request.target;
  const filter = buildObjectFilter(info, {
    labelSelector: request.query.string('labelSelector'),
    fieldSelector: request.query.string('fieldSelector'),
  });
  const options = deleteOptions(request);
  const victims = context.store.list(info, { namespace, filter }).items;
  const deleted = await Promise.all(
    victims.map((obj) => context.store.delete(info, obj.metadata.namespace, obj.metadata.name ?? '', options)),
  );
  return sendList(reply, context, request, deleted, { resourceVersion: String(context.store.resourceVersion) });
}
