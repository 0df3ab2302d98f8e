/** AuthorizationPolicy resources, parsed defensively into what evaluation needs. */

import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import type { KubeObject } from '../kube-types';
import { asArray, asObject, asStringArray, asStringMap, asText, reader } from '../routing/narrow';
import { type ObjectIdentity, annotationsOf, identityOf } from '../routing/objects';
import type { AuthorizationAction } from './types';

type ApSpec = NonNullable<IAuthorizationPolicy['spec']>;
type ApRule = NonNullable<ApSpec['rules']>[number];
type ApSource = NonNullable<NonNullable<ApRule['from']>[number]['source']>;
type ApOperation = NonNullable<NonNullable<ApRule['to']>[number]['operation']>;
type ApCondition = NonNullable<ApRule['when']>[number];
type ApTargetRef = NonNullable<ApSpec['targetRefs']>[number];

/** A positive list and a negative list for one attribute; an empty list constrains nothing. */
export interface FieldLists {
  readonly values: readonly string[];
  readonly notValues: readonly string[];
}

export type SourceField = 'principals' | 'requestPrincipals' | 'namespaces' | 'serviceAccounts' | 'ipBlocks' | 'remoteIpBlocks';
export type OperationField = 'hosts' | 'ports' | 'methods' | 'paths';

export interface Condition extends FieldLists {
  readonly key: string;
}

export interface Rule {
  /** Alternatives; empty means any source. */
  readonly from: ReadonlyArray<Readonly<Record<SourceField, FieldLists>>>;
  /** Alternatives; empty means any operation. */
  readonly to: ReadonlyArray<Readonly<Record<OperationField, FieldLists>>>;
  /** All must hold. */
  readonly when: readonly Condition[];
}

export interface TargetRef {
  readonly kind: string;
  readonly group: string;
  readonly name: string;
}

export interface ParsedPolicy {
  readonly identity: ObjectIdentity;
  readonly action: AuthorizationAction;
  readonly provider?: string;
  readonly selector?: Readonly<Record<string, string>>;
  readonly targetRefs: readonly TargetRef[];
  readonly rules: readonly Rule[];
  /** Annotated istio.io/dry-run: evaluated and reported, never enforced. */
  readonly dryRun: boolean;
  /** Selector and targetRefs together make a policy invalid; Istio ignores it. */
  readonly invalid: boolean;
}

const SOURCE_FIELDS: ReadonlyArray<[SourceField, keyof ApSource & string, keyof ApSource & string]> = [
  ['principals', 'principals', 'notPrincipals'],
  ['requestPrincipals', 'requestPrincipals', 'notRequestPrincipals'],
  ['namespaces', 'namespaces', 'notNamespaces'],
  ['serviceAccounts', 'serviceAccounts', 'notServiceAccounts'],
  ['ipBlocks', 'ipBlocks', 'notIpBlocks'],
  ['remoteIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'],
];

const OPERATION_FIELDS: ReadonlyArray<[OperationField, keyof ApOperation & string, keyof ApOperation & string]> = [
  ['hosts', 'hosts', 'notHosts'],
  ['ports', 'ports', 'notPorts'],
  ['methods', 'methods', 'notMethods'],
  ['paths', 'paths', 'notPaths'],
];

function lists<F extends string, K extends string>(value: unknown, fields: ReadonlyArray<[F, K, K]>): Record<F, FieldLists> {
  const read = asObject(value);
  const out: Partial<Record<F, FieldLists>> = {};
  for (const [name, pos, neg] of fields) out[name] = { values: asStringArray(read?.[pos]), notValues: asStringArray(read?.[neg]) };
  // Every name of F is listed in `fields`, so the record is complete.
  return out as Record<F, FieldLists>;
}

function parseRule(value: unknown): Rule {
  const r = reader<ApRule>(value);
  return {
    from: asArray(r('from')).map((f) => lists(asObject(f)?.source, SOURCE_FIELDS)),
    to: asArray(r('to')).map((t) => lists(asObject(t)?.operation, OPERATION_FIELDS)),
    when: asArray(r('when')).flatMap((c) => {
      const cond = reader<ApCondition>(c);
      const key = asText(cond('key'));
      return key ? [{ key, values: asStringArray(cond('values')), notValues: asStringArray(cond('notValues')) }] : [];
    }),
  };
}

const ACTIONS: readonly AuthorizationAction[] = ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'];
const isAction = (value: string): value is AuthorizationAction => (ACTIONS as readonly string[]).includes(value);

function parseTargetRef(value: unknown): TargetRef | undefined {
  const t = reader<ApTargetRef>(value);
  const kind = asText(t('kind'));
  const name = asText(t('name'));
  return kind && name ? { kind, group: asText(t('group')) ?? '', name } : undefined;
}

export function parseAuthorizationPolicy(obj: KubeObject): ParsedPolicy {
  const identity = { ...identityOf(obj), kind: 'AuthorizationPolicy' };
  const spec = reader<ApSpec>(obj.spec);
  const action = asText(spec('action')) ?? 'ALLOW';
  const selector = asObject(spec('selector'));
  const targetRefs = [...asArray(spec('targetRefs')), spec('targetRef')].map(parseTargetRef).filter((t): t is TargetRef => t !== undefined);
  return {
    identity,
    action: isAction(action) ? action : 'ALLOW',
    provider: asText(asObject(spec('provider'))?.name),
    selector: selector ? asStringMap(selector.matchLabels) : undefined,
    targetRefs,
    rules: asArray(spec('rules')).map(parseRule),
    dryRun: annotationsOf(obj)['istio.io/dry-run'] === 'true',
    invalid: selector !== undefined && targetRefs.length > 0,
  };
}
