/**
 * Whether one AuthorizationPolicy rule matches a request: every present part of from / to / when must
 * hold; `from` and `to` entries are alternatives; within an entry every field must hold; a field holds
 * when some value matches and no notValue does.
 */

import { asObject } from '../routing/narrow';
import type { AuthorizationAction, AuthzRequest } from './types';
import type { Condition, FieldLists, OperationField, Rule, SourceField } from './policy';
import {
  ipInBlock,
  namespaceMatches,
  normalizePrincipal,
  pathMatches,
  requestPrincipalMatches,
  serviceAccountMatches,
  valueMatches,
} from './values';

/** The request's attributes, prepared once per evaluation. */
export interface RequestAttributes {
  readonly request: AuthzRequest;
  readonly principal?: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly tcp: boolean;
}

export function attributesOf(request: AuthzRequest): RequestAttributes {
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(request.request.headers ?? {})) headers.set(k.toLowerCase(), v);
  return { request, principal: normalizePrincipal(request.source.principal), headers, tcp: request.request.protocol === 'tcp' };
}

type Test = (pattern: string, attrs: RequestAttributes, policyNamespace: string) => boolean;

interface FieldSpec {
  readonly httpOnly: boolean;
  readonly test: Test;
}

const SOURCE: Readonly<Record<SourceField, FieldSpec>> = {
  principals: { httpOnly: false, test: (p, a) => valueMatches(p, a.principal) },
  requestPrincipals: { httpOnly: true, test: (p, a) => requestPrincipalMatches(p, a.request.requestPrincipal) },
  namespaces: { httpOnly: false, test: (p, a) => namespaceMatches(p, a.principal) },
  serviceAccounts: { httpOnly: false, test: (p, a, ns) => serviceAccountMatches(p, ns, a.principal) },
  ipBlocks: { httpOnly: false, test: (p, a) => ipInBlock(p, a.request.source.ip) },
  remoteIpBlocks: { httpOnly: false, test: (p, a) => ipInBlock(p, a.request.source.remoteIp ?? a.request.source.ip) },
};

const OPERATION: Readonly<Record<OperationField, FieldSpec>> = {
  // Hosts compare with the Host header as sent, case-insensitively; "reviews" does not match "reviews:9080".
  hosts: { httpOnly: true, test: (p, a) => valueMatches(p, a.request.request.host, true) },
  ports: { httpOnly: false, test: (p, a) => p === String(a.request.request.port) },
  methods: { httpOnly: true, test: (p, a) => valueMatches(p, a.request.request.method) },
  paths: { httpOnly: true, test: (p, a) => pathMatches(p, a.request.request.path) },
};

/** JWT claim lookup along nested names; lists and scalars become strings. */
function claimValues(claims: Readonly<Record<string, unknown>> | undefined, path: readonly string[]): string[] {
  let value: unknown = claims;
  for (const name of path) value = asObject(value)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v) => ['string', 'number', 'boolean'].includes(typeof v)).map(String);
}

type ValueTest = (pattern: string, value: string) => boolean;

/** How a `when` key reads the request: the candidate values (none = attribute absent) and whether it is HTTP-only. */
function conditionValues(key: string, a: RequestAttributes): { values: string[]; httpOnly: boolean; test?: ValueTest } | undefined {
  const r = a.request;
  const header = /^request\.headers\[(.+)\]$/.exec(key);
  if (header?.[1]) {
    const v = a.headers.get(header[1].toLowerCase());
    return { values: v === undefined ? [] : [v], httpOnly: true };
  }
  const claim = /^request\.auth\.claims((?:\[[^\]]+\])+)$/.exec(key);
  if (claim?.[1]) return { values: claimValues(r.requestAuth?.claims, [...claim[1].matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] ?? '')), httpOnly: true };
  const one = (v: string | undefined): string[] => (v === undefined || v === '' ? [] : [v]);
  switch (key) {
    case 'source.ip':
      return { values: one(r.source.ip), httpOnly: false, test: ipInBlock };
    case 'remote.ip':
      return { values: one(r.source.remoteIp ?? r.source.ip), httpOnly: false, test: ipInBlock };
    case 'destination.ip':
      return { values: one(r.destination.ip), httpOnly: false, test: ipInBlock };
    case 'destination.port':
      return { values: [String(r.request.port)], httpOnly: false, test: (p, v) => p === v };
    case 'connection.sni':
      return { values: one(r.request.sni), httpOnly: false };
    case 'source.principal':
      return { values: one(a.principal), httpOnly: false };
    case 'source.namespace':
      return { values: one(a.principal), httpOnly: false, test: namespaceMatches };
    case 'request.auth.principal':
      return { values: one(r.requestPrincipal), httpOnly: true, test: requestPrincipalMatches };
    case 'request.auth.audiences':
      return { values: [...(r.requestAuth?.audiences ?? [])], httpOnly: true };
    case 'request.auth.presenter':
      return { values: one(r.requestAuth?.presenter), httpOnly: true };
    default:
      return undefined;
  }
}

/** Whether a field holds: some value matches (if any are listed) and no notValue matches. */
function holds(lists: FieldLists, matches: (pattern: string) => boolean): boolean {
  return (lists.values.length === 0 || lists.values.some(matches)) && !lists.notValues.some(matches);
}

const uses = (lists: FieldLists): boolean => lists.values.length > 0 || lists.notValues.length > 0;

/**
 * Istio on TCP traffic: an ALLOW (or AUDIT) rule using an HTTP-only field can never match; a DENY (or
 * CUSTOM) rule ignores its HTTP-only fields, so it matches more.
 */
interface TcpMode {
  readonly tcp: boolean;
  readonly strict: boolean;
}

function entryHolds<F extends string>(entry: Readonly<Record<F, FieldLists>>, specs: Readonly<Record<F, FieldSpec>>, a: RequestAttributes, ns: string, mode: TcpMode): boolean {
  return (Object.keys(specs) as F[]).every((field) => {
    const lists = entry[field];
    const spec = specs[field];
    if (mode.tcp && spec.httpOnly && uses(lists)) return !mode.strict;
    return holds(lists, (p) => spec.test(p, a, ns));
  });
}

function conditionHolds(cond: Condition, a: RequestAttributes, mode: TcpMode, notes: string[]): boolean {
  const read = conditionValues(cond.key, a);
  if (!read) {
    notes.push(`condition key "${cond.key}" is not modelled; the condition does not match`);
    return false;
  }
  if (mode.tcp && read.httpOnly) return !mode.strict;
  const test: ValueTest = read.test ?? ((p, v) => valueMatches(p, v));
  return holds(cond, (p) => read.values.some((v) => test(p, v)));
}

export function ruleMatches(rule: Rule, a: RequestAttributes, action: AuthorizationAction, policyNamespace: string, notes: string[]): boolean {
  const mode: TcpMode = { tcp: a.tcp, strict: action === 'ALLOW' || action === 'AUDIT' };
  if (mode.tcp && mode.strict && rule.from.some((f) => uses(f.requestPrincipals))) return false;
  return (
    (rule.from.length === 0 || rule.from.some((f) => entryHolds(f, SOURCE, a, policyNamespace, mode))) &&
    (rule.to.length === 0 || rule.to.some((t) => entryHolds(t, OPERATION, a, policyNamespace, mode))) &&
    rule.when.every((c) => conditionHolds(c, a, mode, notes))
  );
}
