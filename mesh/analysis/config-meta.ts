/** Checks on any config object: exportTo values and visibility, and API versions. */

import { CONFIG_KINDS, apiVersionOf, findKind, parseApiVersion, preferredVersion } from '../kinds';
import type { KubeObject } from '../kube-types';
import { asArray, asText } from '../routing/narrow';
import { pushTo } from './collections';
import { type AnalysisContext, NETWORKING } from './context';
import { describeRef, pointer, refOf } from './refs';
import type { CheckFamily, FieldPath, FindingSink } from './sink';
import type { AnalysisCheck } from './types';
import { routeLists } from './vs-read';

const EXPORT_KINDS = ['VirtualService', 'DestinationRule', 'ServiceEntry', 'Service'];
const EXPORT_ANNOTATION = 'networking.istio.io/exportTo';

export const CONFIG_META_CHECKS = {
  exportToInvalid: { code: 'MD9001', severity: 'error', title: 'exportTo has an invalid value or combination', kinds: EXPORT_KINDS },
  exportToHides: { code: 'MD9002', severity: 'warning', title: 'exportTo hides the object from a namespace that references it', kinds: ['Service', 'ServiceEntry'] },
  deprecatedVersion: { code: 'MD9003', severity: 'info', title: 'Object uses an older API version than the one served as preferred', kinds: [...new Set(CONFIG_KINDS.map((k) => k.kind))], istioCode: 'IST0002' },
  exportToUnknownNamespace: { code: 'MD9004', severity: 'warning', title: 'exportTo names a namespace that does not exist', kinds: EXPORT_KINDS },
} as const satisfies Record<string, AnalysisCheck>;

const C = CONFIG_META_CHECKS;
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The exportTo entries of an object and the path of each. */
function exportEntries(object: KubeObject): Array<{ value: string; path: FieldPath }> {
  if (object.kind === 'Service') {
    const raw = object.metadata.annotations?.[EXPORT_ANNOTATION];
    if (raw === undefined) return [];
    return raw.split(',').map((v) => ({ value: v.trim(), path: ['metadata', 'annotations', EXPORT_ANNOTATION] }));
  }
  return asArray(object.spec?.exportTo).map((v, i) => ({ value: typeof v === 'string' ? v : String(v), path: ['spec', 'exportTo', i] }));
}

function exportPath(object: KubeObject): FieldPath {
  return object.kind === 'Service' ? ['metadata', 'annotations', EXPORT_ANNOTATION] : ['spec', 'exportTo'];
}

function checkExportTo(ctx: AnalysisContext, sink: FindingSink, object: KubeObject): void {
  const entries = exportEntries(object);
  const values = entries.map((e) => e.value);
  for (const { value, path } of entries) {
    const special = value === '.' || value === '*' || value === '~';
    if (!special && !NAMESPACE_NAME.test(value)) {
      sink.report(C.exportToInvalid, object, path, `exportTo value "${value}" is neither ".", "*", "~" nor a namespace name.`);
    } else if ((value === '~' || value === '*') && values.length > 1) {
      sink.report(C.exportToInvalid, object, path, `exportTo "${value}" cannot be combined with other values (${values.join(', ')}).`, {
        fix: { description: `Keep only "${value}"`, patch: object.kind === 'Service' ? [{ op: 'replace', path: pointer(path), value }] : [{ op: 'replace', path: pointer(['spec', 'exportTo']), value: [value] }] },
      });
    } else if (!special && ctx.namespaces.size > 0 && !ctx.namespaces.has(value)) {
      sink.report(C.exportToUnknownNamespace, object, path, `exportTo names namespace "${value}", which does not exist.`);
    }
  }
}

/** Services and ServiceEntries that VirtualServices route to but cannot see, with those VirtualServices. */
function checkHidden(ctx: AnalysisContext, sink: FindingSink): void {
  const hidden = new Map<KubeObject, KubeObject[]>();
  for (const vs of ctx.of(NETWORKING, 'VirtualService')) {
    const ns = vs.metadata.namespace ?? 'default';
    for (const list of routeLists(vs)) {
      for (const d of list.destinations) {
        const raw = asText(d.destination.host);
        if (!raw) continue;
        const host = ctx.fqdn(raw, ns);
        if (!ctx.registry.has(host) || ctx.registry.lookup(host, ns)) continue;
        const targets = [ctx.serviceForHost(host), ...ctx.of(NETWORKING, 'ServiceEntry').filter((se) => asArray(se.spec?.hosts).includes(host))];
        for (const target of targets) if (target) pushTo(hidden, target, vs);
      }
    }
  }
  for (const [target, referrers] of hidden) {
    const namespaces = [...new Set(referrers.map((r) => r.metadata.namespace ?? 'default'))];
    sink.report(C.exportToHides, target, exportPath(target), `${describeRef(refOf(target))} is not exported to ${namespaces.join(', ')}, where ${referrers.map((r) => describeRef(refOf(r))).join(', ')} route${referrers.length === 1 ? 's' : ''} to it.`, { related: referrers });
  }
}

function checkVersion(sink: FindingSink, object: KubeObject): void {
  const { group, version } = parseApiVersion(object.apiVersion);
  if (group === '') return;
  const info = findKind(group, object.kind);
  if (!info || version === preferredVersion(info)) return;
  const target = apiVersionOf(info);
  sink.report(C.deprecatedVersion, object, ['apiVersion'], `${object.kind} uses ${object.apiVersion}; ${target} is available and preferred.`, {
    fix: { description: `Use ${target}`, patch: [{ op: 'replace', path: '/apiVersion', value: target }] },
  });
}

export const configMetaFamily: CheckFamily = {
  checks: Object.values(CONFIG_META_CHECKS),
  run(ctx, sink) {
    for (const [group, kind] of [[NETWORKING, 'VirtualService'], [NETWORKING, 'DestinationRule'], [NETWORKING, 'ServiceEntry'], ['', 'Service']] as const) {
      for (const object of ctx.of(group, kind)) if (sink.wants(object)) checkExportTo(ctx, sink, object);
    }
    if (sink.wantsKind('Service') || sink.wantsKind('ServiceEntry')) checkHidden(ctx, sink);
    for (const object of ctx.all()) if (sink.wants(object)) checkVersion(sink, object);
  },
};
