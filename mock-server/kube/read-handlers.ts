/** GET: one object, a (paginated) list, or a watch. */
import type { FastifyReply } from 'fastify';
import type { ListMeta } from '../../mesh/kube-types';
import { authorizeRequest, type ApiContext, type ApiRequest } from './api-context';
import { notFound } from './errors';
import { buildObjectFilter } from './object-filter';
import { decodeContinue, encodeContinue } from './pagination';
import { sendList, sendObject } from './respond';
import { streamWatch } from './watch-stream';

export function getObject(context: ApiContext, request: ApiRequest, reply: FastifyReply): FastifyReply {
  authorizeRequest(request, 'get');
  const { info, namespace, name = '' } = request.target;
  const obj = context.store.get(info, namespace, name);
  if (!obj) throw notFound(info, name);
  return sendObject(reply, context, request, 200, obj);
}

export function listOrWatch(context: ApiContext, request: ApiRequest, reply: FastifyReply): FastifyReply | undefined {
  const { query, target } = request;
  const filter = buildObjectFilter(target.info, {
    labelSelector: query.string('labelSelector'),
    fieldSelector: query.string('fieldSelector'),
  });
  if (query.flag('watch')) {
    authorizeRequest(request, 'watch');
    streamWatch(reply, context, request, filter);
    return undefined;
  }
  authorizeRequest(request, 'list');
  const continueText = query.string('continue');
  const token = continueText ? decodeContinue(continueText) : undefined;
  const page = context.store.list(target.info, {
    namespace: target.namespace,
    filter,
    limit: query.integer('limit'),
    continueAfter: token?.after,
  });
  // Every page of a paginated list reports the resourceVersion of its first page.
  const resourceVersion = token?.resourceVersion ?? page.resourceVersion;
  const listMeta: ListMeta = { resourceVersion: String(resourceVersion) };
  if (page.continueAfter !== undefined) {
    listMeta.continue = encodeContinue({ resourceVersion, after: page.continueAfter });
    if (page.remainingItemCount !== undefined) listMeta.remainingItemCount = page.remainingItemCount;
  }
  return sendList(reply, context, request, page.items, listMeta);
}
