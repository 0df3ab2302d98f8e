/**
 * Autocomplete for the find/hide box: from the text and the caret, what may come next (attributes and
 * badges, operators, `and`/`or`, values such as the graph's namespaces) and which range a pick replaces.
 */
import type { TopologyGraph } from '../model';
import { FIND_ATTRIBUTES, findAttribute, isFlag } from './attributes';
import type { FindAttribute } from './attributes';
import { lex } from './lexer';
import type { Token } from './lexer';

export interface CompletionContext {
  readonly namespaces?: readonly string[];
  readonly names?: readonly string[];
  readonly apps?: readonly string[];
  readonly versions?: readonly string[];
  readonly workloads?: readonly string[];
  readonly services?: readonly string[];
  readonly clusters?: readonly string[];
}

export type CandidateKind = 'attribute' | 'badge' | 'operator' | 'keyword' | 'value';

export interface CompletionCandidate {
  /** What the list shows. */
  readonly label: string;
  /** What replaces the range (may differ from the label, e.g. quoted values). */
  readonly insert: string;
  readonly kind: CandidateKind;
  readonly detail?: string;
}

export interface Completion {
  /** Offsets of the text a candidate replaces (the word at the caret; empty at a space). */
  readonly from: number;
  readonly to: number;
  readonly candidates: readonly CompletionCandidate[];
}

const MAX_VALUES = 50;

const NUMBER_OPS = ['>', '>=', '<', '<=', '=', '!='];
const TEXT_OPS = ['=', '!=', '~', '!~'];
const OP_DETAIL: Readonly<Record<string, string>> = {
  '=': 'equals',
  '!=': 'differs from',
  '>': 'greater than',
  '>=': 'at least',
  '<': 'less than',
  '<=': 'at most',
  '~': 'contains / matches pattern',
  '!~': 'does not contain / match',
};

function uniqueSorted(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>();
  for (const value of values) if (value) set.add(value);
  return [...set].sort();
}

/** Known values for completion, read from a graph. */
export function completionContext(graph: TopologyGraph): CompletionContext {
  return {
    namespaces: uniqueSorted(graph.nodes.map((n) => n.namespace)),
    names: uniqueSorted(graph.nodes.map((n) => n.name)),
    apps: uniqueSorted(graph.nodes.map((n) => n.app)),
    versions: uniqueSorted(graph.nodes.map((n) => n.version)),
    workloads: uniqueSorted(graph.nodes.map((n) => n.workload)),
    services: uniqueSorted(graph.nodes.map((n) => n.service)),
    clusters: uniqueSorted(graph.nodes.map((n) => n.cluster)),
  };
}

function attributeCandidates(prefix: string): CompletionCandidate[] {
  const lower = prefix.toLowerCase();
  const out: CompletionCandidate[] = [];
  for (const attribute of FIND_ATTRIBUTES) {
    const name = [attribute.name, ...attribute.aliases].find((n) => n.startsWith(lower));
    if (name === undefined) continue;
    const kind = attribute.type === 'flag' ? 'badge' : 'attribute';
    out.push({ label: attribute.name, insert: attribute.name, kind, detail: `${attribute.description} (${attribute.appliesTo === 'both' ? 'nodes and edges' : `${attribute.appliesTo}s`})` });
  }
  if ('not'.startsWith(lower)) out.push({ label: 'not', insert: 'not', kind: 'keyword', detail: 'negates the next condition' });
  return out;
}

function keywordCandidates(prefix: string): CompletionCandidate[] {
  return ['and', 'or']
    .filter((k) => k.startsWith(prefix.toLowerCase()))
    .map((k) => ({ label: k, insert: k, kind: 'keyword' as const, detail: k === 'and' ? 'both conditions' : 'either condition' }));
}

function operatorCandidates(attribute: FindAttribute, prefix: string): CompletionCandidate[] {
  if (attribute.type === 'flag') return keywordCandidates(prefix);
  const ops = attribute.type === 'number' ? NUMBER_OPS : TEXT_OPS;
  const operators = ops.filter((op) => op.startsWith(prefix)).map((op) => ({ label: op, insert: op, kind: 'operator' as const, detail: OP_DETAIL[op] }));
  return isFlag(attribute) && prefix === '' ? [...operators, ...keywordCandidates('')] : operators;
}

function knownValues(attribute: FindAttribute, context: CompletionContext): readonly string[] {
  switch (attribute.type) {
    case 'enum':
      return attribute.values;
    case 'number':
      return [attribute.example];
    case 'flag':
      return [];
    case 'text':
      break;
  }
  const byName: Readonly<Record<string, readonly string[] | undefined>> = {
    name: context.names,
    namespace: context.namespaces,
    app: context.apps,
    version: context.versions,
    workload: context.workloads,
    service: context.services,
    cluster: context.clusters,
    code: ['200', '400', '403', '404', '429', '500', '503', '504'],
    flags: ['UO', 'UF', 'URX', 'UH', 'NR', 'DI', 'FI', 'RL', 'UT'],
  };
  return byName[attribute.name] ?? [];
}

function quoteIfNeeded(value: string): string {
  return /^[A-Za-z0-9_.\-/:%*+@]+$/.test(value) && !/^(and|or|not)$/i.test(value) ? value : JSON.stringify(value);
}

function valueCandidates(attribute: FindAttribute, prefix: string, context: CompletionContext): CompletionCandidate[] {
  const lower = prefix.toLowerCase();
  return knownValues(attribute, context)
    .filter((v) => v.toLowerCase().startsWith(lower))
    .slice(0, MAX_VALUES)
    .map((v) => ({ label: v, insert: quoteIfNeeded(v), kind: 'value' as const, detail: attribute.type === 'number' ? `e.g. ${attribute.name} > ${v}` : attribute.name }));
}

/** Candidates for the caret position `caret` in `text`. */
export function complete(text: string, caret: number, context: CompletionContext = {}): Completion {
  const before = text.slice(0, caret);
  // An unterminated string at the caret is a value being typed: lex what precedes it.
  const { tokens } = lex(before);
  const last = tokens[tokens.length - 1];
  const touching = last !== undefined && last.to === caret && (last.type === 'word' || last.type === 'op' || last.type === 'and' || last.type === 'or' || last.type === 'not');
  const current: Token | undefined = touching ? last : undefined;
  const previous = touching ? tokens[tokens.length - 2] : last;
  let to = caret;
  if (current?.type === 'word' || current === undefined) {
    // A pick replaces the rest of the word under the caret too.
    while (to < text.length && /[A-Za-z0-9_.\-/:%*+@]/.test(text[to] ?? '')) to++;
  }
  const from = current?.from ?? caret;
  const prefix = current ? before.slice(current.from) : '';

  if (current?.type === 'op') {
    const attribute = previous?.type === 'word' ? findAttribute(previous.text) : undefined;
    return { from, to, candidates: attribute ? operatorCandidates(attribute, prefix) : [] };
  }
  if (!previous || previous.type === 'lparen' || previous.type === 'and' || previous.type === 'or' || previous.type === 'not') {
    // A keyword being typed ("an" of "and", "no" of "not") still starts a new condition here.
    return { from, to, candidates: attributeCandidates(prefix) };
  }
  if (previous.type === 'op') {
    const name = tokens[tokens.indexOf(previous) - 1];
    const attribute = name?.type === 'word' ? findAttribute(name.text) : undefined;
    return { from, to, candidates: attribute ? valueCandidates(attribute, prefix, context) : [] };
  }
  if (previous.type === 'word') {
    const beforePrevious = tokens[tokens.indexOf(previous) - 1];
    const isValue = beforePrevious?.type === 'op';
    const attribute = isValue ? undefined : findAttribute(previous.text);
    if (attribute) return { from, to, candidates: operatorCandidates(attribute, prefix) };
    return { from, to, candidates: keywordCandidates(prefix) };
  }
  return { from, to, candidates: keywordCandidates(prefix) };
}
