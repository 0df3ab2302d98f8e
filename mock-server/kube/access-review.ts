/**
 * "What may I do?" and "who am I?": SelfSubjectAccessReview, SelfSubjectRulesReview
 * (authorization.k8s.io/v1) and SelfSubjectReview (authentication.k8s.io/v1).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { READ_VERBS, isAllowed, type Identity } from './auth';
import { badRequest } from './errors';
import { isRecord, type JsonRecord } from './json-value';
import { requestIdentity } from './request-identity';
import { sendJson } from './respond';
import { decodeBody } from './wire';

const AUTHORIZATION = 'authorization.k8s.io/v1';
const AUTHENTICATION = 'authentication.k8s.io/v1';

function specOf(request: FastifyRequest): JsonRecord {
  const raw = typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : undefined;
  const body = decodeBody(raw, request.headers['content-type']);
  if (!isRecord(body) || (body.spec !== undefined && !isRecord(body.spec))) throw badRequest('the request body must be an object with a spec');
  return isRecord(body.spec) ? body.spec : {};
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function grantedBy(identity: Identity): string {
  const role = identity.role === 'admin' ? 'cluster-admin' : 'view';
  return `RBAC: allowed by ClusterRoleBinding "${role}" of ClusterRole "${role}" to User "${identity.user}"`;
}

function accessReviewStatus(identity: Identity, spec: JsonRecord): JsonRecord {
  const attributes = spec.resourceAttributes;
  const nonResource = spec.nonResourceAttributes;
  let allowed: boolean;
  if (isRecord(attributes)) {
    allowed = isAllowed(identity, {
      verb: optionalString(attributes.verb) ?? '',
      group: optionalString(attributes.group),
      resource: optionalString(attributes.resource),
      subresource: optionalString(attributes.subresource),
      namespace: optionalString(attributes.namespace),
      name: optionalString(attributes.name),
    });
  } else if (isRecord(nonResource)) {
    allowed = identity.role === 'admin' || nonResource.verb === 'get';
  } else {
    throw badRequest('exactly one of nonResourceAttributes or resourceAttributes must be specified');
  }
  return allowed ? { allowed, reason: grantedBy(identity) } : { allowed };
}

function rulesReviewStatus(identity: Identity): JsonRecord {
  const verbs = identity.role === 'admin' ? ['*'] : READ_VERBS;
  return {
    resourceRules: [
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
      { verbs, apiGroups: ['*'], resources: ['*'] },
    ],
    nonResourceRules: [
      { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] },
      ...(identity.role === 'admin' ? [{ verbs: ['*'], nonResourceURLs: ['*'] }] : []),
    ],
    incomplete: false,
  };
}

function review(kind: string, apiVersion: string, spec: JsonRecord | undefined, status: JsonRecord): string {
  const body: JsonRecord = { kind, apiVersion, metadata: { creationTimestamp: null } };
  if (spec) body.spec = spec;
  body.status = status;
  return JSON.stringify(body);
}

export function registerAccessReviews(scope: FastifyInstance): void {
  scope.post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', async (request, reply) => {
    const spec = specOf(request);
    const status = accessReviewStatus(requestIdentity(request), spec);
    return sendJson(reply, 201, review('SelfSubjectAccessReview', AUTHORIZATION, spec, status));
  });
  scope.post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', async (request, reply) => {
    const spec = specOf(request);
    return sendJson(reply, 201, review('SelfSubjectRulesReview', AUTHORIZATION, spec, rulesReviewStatus(requestIdentity(request))));
  });
  scope.post('/apis/authentication.k8s.io/v1/selfsubjectreviews', async (request, reply) => {
    const { user, groups } = requestIdentity(request);
    return sendJson(reply, 201, review('SelfSubjectReview', AUTHENTICATION, undefined, { userInfo: { username: user, groups } }));
  });
}
