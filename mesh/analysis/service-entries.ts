/** ServiceEntries: protocols per host and port, resolution against endpoints, duplicate hosts. */

import type { KubeObject } from '../kube-types';
import { type Visibility, isWildcard, parseExportTo } from '../routing/hosts';
import { asArray, asObject, asPort, asStringArray, asText } from '../routing/narrow';
import { pushTo } from './collections';
import { type AnalysisContext, NETWORKING, visibilitiesOverlap } from './context';
import { describeRef, refOf } from './refs';
import type { CheckFamily, FieldPath, FindingSink } from './sink';
import type { AnalysisCheck } from './types';

const KINDS = ['ServiceEntry'];

export const SERVICE_ENTRY_CHECKS = {
  protocolConflict: { code: 'MD5001', severity: 'error', title: 'ServiceEntries declare different protocols for one host and port', kinds: KINDS },
  resolution: { code: 'MD5002', severity: 'warning', title: 'ServiceEntry resolution does not fit its hosts or endpoints', kinds: KINDS },
  duplicateHost: { code: 'MD5003', severity: 'warning', title: 'Several ServiceEntries define the same host', kinds: KINDS },
} as const satisfies Record<string, AnalysisCheck>;

const C = SERVICE_ENTRY_CHECKS;

interface HostPort {
  readonly se: KubeObject;
  readonly protocol: string;
  readonly path: FieldPath;
}

interface HostUse {
  readonly se: KubeObject;
  readonly index: number;
  readonly visibility: Visibility;
}

function checkResolution(sink: FindingSink, se: KubeObject): void {
  const resolution = asText(se.spec?.resolution) ?? 'NONE';
  const hasEndpoints = asArray(se.spec?.endpoints).length > 0 || asObject(se.spec?.workloadSelector) !== undefined;
  const hosts = asStringArray(se.spec?.hosts);
  if (resolution === 'STATIC' && !hasEndpoints) {
    sink.report(C.resolution, se, ['spec', 'resolution'], 'Resolution STATIC needs endpoints or a workloadSelector; this ServiceEntry has neither, so its hosts have no endpoints.');
  } else if (resolution === 'DNS' && !hasEndpoints) {
    hosts.forEach((host, i) => {
      if (isWildcard(host)) sink.report(C.resolution, se, ['spec', 'hosts', i], `Resolution DNS resolves each host by name, but "${host}" is a wildcard; use resolution NONE or list endpoints.`);
    });
  }
}

function checkCross(ctx: AnalysisContext, sink: FindingSink): void {
  const byHostPort = new Map<string, HostPort[]>();
  const byHost = new Map<string, HostUse[]>();
  for (const se of ctx.of(NETWORKING, 'ServiceEntry')) {
    const namespace = se.metadata.namespace ?? 'default';
    const visibility = parseExportTo(asStringArray(se.spec?.exportTo), namespace);
    const hosts = asStringArray(se.spec?.hosts).map((h) => h.toLowerCase());
    hosts.forEach((host, index) => pushTo(byHost, host, { se, index, visibility }));
    asArray(se.spec?.ports).forEach((raw, i) => {
      const port = asPort(asObject(raw)?.number);
      if (port === undefined) return;
      const protocol = (asText(asObject(raw)?.protocol) ?? 'TCP').toUpperCase();
      for (const host of hosts) {
        const key = `${host}:${port}`;
        pushTo(byHostPort, key, { se, protocol, path: ['spec', 'ports', i, 'protocol'] });
      }
    });
  }
  for (const [key, uses] of byHostPort) {
    for (const use of uses) {
      if (!sink.wants(use.se)) continue;
      const others = uses.filter((o) => o.protocol !== use.protocol);
      if (others.length === 0) continue;
      const names = [...new Set(others.map((o) => `${o.protocol} in ${describeRef(refOf(o.se))}`))];
      sink.report(C.protocolConflict, use.se, use.path, `${key} is declared ${use.protocol} here but ${names.join(', ')}; only one protocol can be used for a host and port.`, {
        related: [...new Set(others.map((o) => o.se).filter((o) => o !== use.se))],
      });
    }
  }
  for (const [host, uses] of byHost) {
    for (const use of uses) {
      if (!sink.wants(use.se)) continue;
      const others = uses.filter((o) => o.se !== use.se && visibilitiesOverlap(o.visibility, use.visibility)).map((o) => o.se);
      if (others.length === 0) continue;
      sink.report(C.duplicateHost, use.se, ['spec', 'hosts', use.index], `Host ${host} is also defined by ${others.map((o) => describeRef(refOf(o))).join(', ')}; clients see only the oldest definition.`, { related: others });
    }
  }
}

export const serviceEntryFamily: CheckFamily = {
  checks: Object.values(SERVICE_ENTRY_CHECKS),
  run(ctx, sink) {
    for (const se of ctx.of(NETWORKING, 'ServiceEntry')) if (sink.wants(se)) checkResolution(sink, se);
    checkCross(ctx, sink);
  },
};
