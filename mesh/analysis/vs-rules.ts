/** VirtualService HTTP rules: reachability, retries against timeouts, JWT-claim matches. */

import type { KubeObject } from '../kube-types';
import { parseDuration } from '../routing/duration';
import { parseIstioGateway } from '../routing/istio-gateways';
import { type UnknownObject, asArray, asNumber, asObject, asText } from '../routing/narrow';
import { MESH_GATEWAY } from '../routing/route-model';
import { type AnalysisContext, NETWORKING, SECURITY } from './context';
import { pointer } from './refs';
import { policyApplies } from './selection';
import type { CheckFamily, FindingSink } from './sink';
import type { AnalysisCheck } from './types';
import { vsGateways } from './vs-read';

const KINDS = ['VirtualService'];

export const VS_RULE_CHECKS = {
  unreachableRule: { code: 'MD1005', severity: 'warning', title: 'HTTP rule can never be reached', kinds: KINDS, istioCode: 'IST0130' },
  duplicateMatch: { code: 'MD1014', severity: 'info', title: 'HTTP match repeats a match of an earlier rule', kinds: KINDS, istioCode: 'IST0131' },
  retriesExceedTimeout: { code: 'MD1009', severity: 'warning', title: 'Retries cannot complete within the route timeout', kinds: KINDS },
  jwtClaimWithoutRequestAuthn: { code: 'MD1010', severity: 'error', title: 'Routing on JWT claims without a RequestAuthentication', kinds: KINDS, istioCode: 'IST0149' },
} as const satisfies Record<string, AnalysisCheck>;

const C = VS_RULE_CHECKS;
/** Istio's form is "@request.auth.claims.<name>"; the bare form is a common slip and equally needs a token. */
const CLAIM_PREFIXES = ['@request.auth.claims.', 'request.auth.claims.'];

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = asObject(value);
  if (!obj) return JSON.stringify(value);
  return `{${Object.keys(obj).filter((k) => k !== 'name').sort().map((k) => `${k}:${canonical(obj[k])}`).join(',')}}`;
}

/** A match that every request satisfies: empty, or only a "/" prefix or ".*" regex on the URI. */
function matchesEverything(match: UnknownObject): boolean {
  const keys = Object.keys(match).filter((k) => k !== 'name' && k !== 'ignoreUriCase');
  if (keys.length === 0) return true;
  if (keys.length !== 1 || keys[0] !== 'uri') return false;
  const uri = asObject(match.uri);
  return uri !== undefined && (uri.prefix === '/' || uri.regex === '.*') && Object.keys(uri).length === 1;
}

function checkShadowing(sink: FindingSink, vs: KubeObject): void {
  let catchAll: number | undefined;
  const seen = new Map<string, [number, number]>();
  asArray(vs.spec?.http).forEach((raw, i) => {
    const rule = asObject(raw);
    if (!rule) return;
    const matches = asArray(rule.match).map(asObject);
    if (catchAll !== undefined) {
      sink.report(C.unreachableRule, vs, ['spec', 'http', i], `HTTP rule ${i} is never used: rule ${catchAll} before it matches every request.`, {
        fix: { description: `Move rule ${i} before rule ${catchAll}`, patch: [{ op: 'move', from: pointer(['spec', 'http', i]), path: pointer(['spec', 'http', catchAll]) }] },
      });
      return;
    }
    const repeats = matches.map((m) => (m ? seen.get(canonical(m)) : undefined));
    if (matches.length > 0 && repeats.every((r) => r !== undefined)) {
      const rules = [...new Set(repeats.map((r) => r?.[0]))].join(', ');
      sink.report(C.unreachableRule, vs, ['spec', 'http', i], `HTTP rule ${i} is never used: each of its matches repeats a match of rule ${rules}.`);
    } else {
      matches.forEach((m, j) => {
        const earlier = repeats[j];
        if (earlier) sink.report(C.duplicateMatch, vs, ['spec', 'http', i, 'match', j], `Match ${j} of HTTP rule ${i} repeats match ${earlier[1]} of rule ${earlier[0]}, which takes every request it would match.`);
      });
    }
    matches.forEach((m, j) => {
      const key = m ? canonical(m) : undefined;
      if (key !== undefined && !seen.has(key)) seen.set(key, [i, j]);
    });
    if (matches.length === 0 || matches.some((m) => m !== undefined && matchesEverything(m))) catchAll = i;
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.floor(ms)}ms`;
}

function checkRetries(sink: FindingSink, vs: KubeObject): void {
  asArray(vs.spec?.http).forEach((raw, i) => {
    const rule = asObject(raw);
    const retries = asObject(rule?.retries);
    const timeoutText = asText(rule?.timeout);
    const perTryText = asText(retries?.perTryTimeout);
    const attempts = asNumber(retries?.attempts);
    if (!timeoutText || !perTryText || attempts === undefined || attempts <= 0) return;
    const timeout = parseDuration(timeoutText);
    const perTry = parseDuration(perTryText);
    if (timeout === undefined || perTry === undefined || timeout <= 0 || attempts * perTry <= timeout) return;
    const path = ['spec', 'http', i, 'retries', 'perTryTimeout'];
    const suggested = formatMs(Math.floor(timeout / attempts));
    sink.report(C.retriesExceedTimeout, vs, path, `HTTP rule ${i}: ${attempts} attempts × perTryTimeout ${perTryText} exceed the route timeout ${timeoutText}, so the later retries are cut off.`, {
      fix: { description: `Set perTryTimeout to ${suggested}`, patch: [{ op: 'replace', path: pointer(path), value: suggested }] },
    });
  });
}

/** Whether a RequestAuthentication validates tokens for the proxies running this VirtualService. */
function hasRequestAuthn(ctx: AnalysisContext, vs: KubeObject): boolean {
  const namespace = vs.metadata.namespace ?? 'default';
  const ras = ctx.of(SECURITY, 'RequestAuthentication');
  return vsGateways(vs).some((gw) => {
    if (gw === MESH_GATEWAY) return ras.some((ra) => [namespace, ctx.rootNamespace].includes(ra.metadata.namespace ?? ''));
    const [gwNs = '', gwName = ''] = gw.split('/');
    const object = ctx.get(NETWORKING, 'Gateway', gwNs, gwName);
    if (!object) return true; // reported as a missing gateway instead
    const pods = ctx.workloads.select('*', parseIstioGateway(object).selector);
    return pods.some((pod) => ras.some((ra) => policyApplies(ctx, ra, pod)));
  });
}

function checkJwtClaims(ctx: AnalysisContext, sink: FindingSink, vs: KubeObject): void {
  const paths: (string | number)[][] = [];
  asArray(vs.spec?.http).forEach((rule, i) =>
    asArray(asObject(rule)?.match).forEach((m, j) => {
      for (const field of ['headers', 'withoutHeaders']) {
        for (const key of Object.keys(asObject(asObject(m)?.[field]) ?? {})) {
          if (CLAIM_PREFIXES.some((p) => key.startsWith(p))) paths.push(['spec', 'http', i, 'match', j, field, key]);
        }
      }
    }),
  );
  if (paths.length === 0 || hasRequestAuthn(ctx, vs)) return;
  for (const path of paths) {
    sink.report(C.jwtClaimWithoutRequestAuthn, vs, path, `Matching on "${String(path[path.length - 1])}" needs a RequestAuthentication on the gateway or workload that runs this route; without one the claim is never present.`);
  }
}

export const vsRuleFamily: CheckFamily = {
  checks: Object.values(VS_RULE_CHECKS),
  run(ctx, sink) {
    for (const vs of ctx.of(NETWORKING, 'VirtualService')) {
      if (!sink.wants(vs)) continue;
      checkShadowing(sink, vs);
      checkRetries(sink, vs);
      checkJwtClaims(ctx, sink, vs);
    }
  },
};
