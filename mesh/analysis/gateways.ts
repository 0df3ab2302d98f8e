/** Istio Gateways: their proxies, overlapping servers and TLS credentials. */

import type { KubeObject } from '../kube-types';
import { hostIntersection } from '../routing/hosts';
import { parseIstioGateway } from '../routing/istio-gateways';
import { asArray, asObject, asPort, asStringArray, asStringMap, asText } from '../routing/narrow';
import { pushTo } from './collections';
import { type AnalysisContext, NETWORKING } from './context';
import { describeRef, refOf } from './refs';
import type { CheckFamily, FindingSink } from './sink';
import type { AnalysisCheck } from './types';

const KINDS = ['Gateway'];

export const GATEWAY_CHECKS = {
  conflict: { code: 'MD3001', severity: 'error', title: 'Gateways on the same proxies serve the same host and port', kinds: KINDS, istioCode: 'IST0145' },
  noProxy: { code: 'MD3002', severity: 'error', title: 'Gateway selector matches no gateway pod', kinds: KINDS, istioCode: 'IST0101' },
  tlsWithoutCredential: { code: 'MD3003', severity: 'error', title: 'TLS server without a certificate', kinds: KINDS },
} as const satisfies Record<string, AnalysisCheck>;

const C = GATEWAY_CHECKS;

interface ServerHost {
  readonly gateway: KubeObject;
  readonly selectorKey: string;
  readonly port: number;
  readonly host: string;
  readonly path: (string | number)[];
}

function serverHosts(gateway: KubeObject): ServerHost[] {
  const selector = asStringMap(gateway.spec?.selector);
  const selectorKey = JSON.stringify(Object.entries(selector).sort());
  const out: ServerHost[] = [];
  asArray(gateway.spec?.servers).forEach((raw, i) => {
    const server = asObject(raw);
    const port = asPort(asObject(server?.port)?.number);
    if (port === undefined) return;
    asStringArray(server?.hosts).forEach((entry, j) => {
      const slash = entry.indexOf('/');
      out.push({ gateway, selectorKey, port, host: (slash < 0 ? entry : entry.slice(slash + 1)).toLowerCase(), path: ['spec', 'servers', i, 'hosts', j] });
    });
  });
  return out;
}

function checkConflicts(ctx: AnalysisContext, sink: FindingSink): void {
  const byKey = new Map<string, ServerHost[]>();
  for (const gw of ctx.of(NETWORKING, 'Gateway')) {
    for (const sh of serverHosts(gw)) {
      const key = `${sh.selectorKey}|${sh.port}`;
      pushTo(byKey, key, sh);
    }
  }
  for (const entries of byKey.values()) {
    for (const sh of entries) {
      if (!sink.wants(sh.gateway)) continue;
      const others = entries.filter((o) => o.gateway !== sh.gateway && hostIntersection(o.host, sh.host) !== undefined);
      const gateways = [...new Set(others.map((o) => o.gateway))];
      if (gateways.length === 0) continue;
      sink.report(C.conflict, sh.gateway, sh.path, `Host "${sh.host}" on port ${sh.port} is also served by ${gateways.map((g) => describeRef(refOf(g))).join(', ')} on the same gateway proxies; only one server gets the traffic.`, { related: gateways });
    }
  }
}

function checkGateway(ctx: AnalysisContext, sink: FindingSink, gw: KubeObject): void {
  const { selector } = parseIstioGateway(gw);
  if (ctx.knowsWorkloads && ctx.workloads.select('*', selector).length === 0) {
    const labels = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
    sink.report(C.noProxy, gw, ['spec', 'selector'], `No gateway pod has the labels ${labels || '(none)'}; this Gateway is not served by any proxy.`);
  }
  asArray(gw.spec?.servers).forEach((raw, i) => {
    const server = asObject(raw);
    const protocol = (asText(asObject(server?.port)?.protocol) ?? '').toUpperCase();
    const tls = asObject(server?.tls);
    const mode = asText(tls?.mode) ?? (protocol === 'HTTPS' ? 'SIMPLE' : undefined);
    if (mode !== 'SIMPLE' && mode !== 'MUTUAL' && mode !== 'OPTIONAL_MUTUAL') return;
    if (asText(tls?.credentialName) || asText(tls?.serverCertificate) || asArray(tls?.credentialNames).length > 0) return;
    sink.report(C.tlsWithoutCredential, gw, ['spec', 'servers', i, 'tls'], `Server ${i} terminates TLS (${mode}) but names no credentialName (a Secret with the certificate); the listener will not start.`);
  });
}

export const gatewayFamily: CheckFamily = {
  checks: Object.values(GATEWAY_CHECKS),
  run(ctx, sink) {
    for (const gw of ctx.of(NETWORKING, 'Gateway')) if (sink.wants(gw)) checkGateway(ctx, sink, gw);
    checkConflicts(ctx, sink);
  },
};
