/** Writes objects, lists and Status replies in the format the client negotiated. */
import type { FastifyReply } from 'fastify';
import YAML from 'yaml';
import type { KubeObject, ListMeta, Status } from '../../mesh/kube-types';
import { requestApiVersion, type ApiContext, type ApiRequest } from './api-context';
import { encodeAs } from './codec';
import { listBody } from './list-body';
import { parseIncludeObject, partialObjectMetadata, toTable } from './table';

export function sendJson(reply: FastifyReply, code: number, json: string): FastifyReply {
  return reply.code(code).type('application/json').send(json);
}

export function sendStatus(reply: FastifyReply, status: Status): FastifyReply {
  return sendJson(reply, status.code, JSON.stringify(status));
}

function sendEncoded(reply: FastifyReply, request: ApiRequest, code: number, json: string): FastifyReply {
  if (request.format.kind === 'yaml') {
    return reply.code(code).type('application/yaml').send(YAML.stringify(JSON.parse(json)));
  }
  return sendJson(reply, code, json);
}

function tableOf(context: ApiContext, request: ApiRequest, objects: readonly KubeObject[], listMeta: ListMeta, version: string): string {
  return JSON.stringify(
    toTable(request.target.info, objects, {
      tableVersion: version,
      apiVersion: requestApiVersion(request),
      includeObject: parseIncludeObject(request.query.string('includeObject')),
      listMeta,
      now: context.now(),
    }),
  );
}

export function sendObject(
  reply: FastifyReply,
  context: ApiContext,
  request: ApiRequest,
  code: number,
  obj: KubeObject,
): FastifyReply {
  const { format } = request;
  if (format.kind === 'table') {
    return sendJson(reply, code, tableOf(context, request, [obj], { resourceVersion: obj.metadata.resourceVersion }, format.version));
  }
  if (format.kind === 'metadata') return sendJson(reply, code, JSON.stringify(partialObjectMetadata(obj, format.version)));
  return sendEncoded(reply, request, code, encodeAs(obj, requestApiVersion(request)));
}

export function sendList(
  reply: FastifyReply,
  context: ApiContext,
  request: ApiRequest,
  items: readonly KubeObject[],
  listMeta: ListMeta,
): FastifyReply {
  const { format } = request;
  if (format.kind === 'table') return sendJson(reply, 200, tableOf(context, request, items, listMeta, format.version));
  if (format.kind === 'metadata') {
    const list = {
      kind: 'PartialObjectMetadataList',
      apiVersion: `meta.k8s.io/${format.version}`,
      metadata: listMeta,
      items: items.map((obj) => partialObjectMetadata(obj, format.version)),
    };
    return sendJson(reply, 200, JSON.stringify(list));
  }
  const apiVersion = requestApiVersion(request);
  const head = `{"kind":${JSON.stringify(`${request.target.info.kind}List`)},"apiVersion":${JSON.stringify(apiVersion)},"metadata":${JSON.stringify(listMeta)},"items":[`;
  if (format.kind === 'yaml') {
    return sendEncoded(reply, request, 200, `${head}${items.map((obj) => encodeAs(obj, apiVersion)).join(',')}]}`);
  }
  const body = listBody(head, items, apiVersion, ']}');
  return reply.code(200).type('application/json').header('content-length', body.length).send(body.stream);
}
