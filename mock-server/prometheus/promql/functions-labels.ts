import { getLabel, isValidLabelName, setLabel, type Labels } from '../labels';
import { compileAnchoredRegex } from '../tsdb/regex';
import { ExecutionError } from './errors';
import { SeriesMatrix } from './matrix';

/** Rewrites every series' labels (step-independent), merging rows that end up equal. */
function relabel(input: SeriesMatrix, rewrite: (labels: Labels) => Labels): SeriesMatrix {
  const out = new SeriesMatrix(input.steps, input.length);
  for (let i = 0; i < input.length; i++) {
    const row = out.seriesFor(rewrite(input.labels[i] as Labels));
    for (let s = 0; s < input.steps; s++) if (input.has(i, s)) out.setUnique(row, s, input.get(i, s));
  }
  return out;
}

export function labelReplace(input: SeriesMatrix, dst: string, replacement: string, src: string, regex: string): SeriesMatrix {
  let re: RegExp;
  try {
    re = compileAnchoredRegex(regex);
  } catch {
    throw new ExecutionError(`invalid regular expression in label_replace(): ${regex}`);
  }
  if (!isValidLabelName(dst)) throw new ExecutionError(`invalid destination label name in label_replace(): ${dst}`);
  return relabel(input, (labels) => {
    const match = re.exec(getLabel(labels, src));
    if (match === null) return labels;
    return setLabel(labels, dst, expandTemplate(replacement, match));
  });
}

export function labelJoin(input: SeriesMatrix, dst: string, separator: string, sources: readonly string[]): SeriesMatrix {
  for (const src of sources) {
    if (!isValidLabelName(src)) throw new ExecutionError(`invalid source label name in label_join(): ${src}`);
  }
  if (!isValidLabelName(dst)) throw new ExecutionError(`invalid destination label name in label_join(): ${dst}`);
  return relabel(input, (labels) =>
    setLabel(
      labels,
      dst,
      sources.map((src) => getLabel(labels, src)).join(separator),
    ),
  );
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/**
 * Go's regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`. A name runs as long as letters,
 * digits and underscores follow, so `$1x` refers to a group named "1x" (and expands to "").
 */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const ref = extractName(template, i);
    if (ref === null) {
      out += '$';
      continue;
    }
    i = ref.end;
    out += groupValue(match, ref.name);
  }
  return out + template.slice(i);
}

function extractName(template: string, start: number): { name: string; end: number } | null {
  const brace = template[start] === '{';
  let i = brace ? start + 1 : start;
  const nameStart = i;
  while (i < template.length) {
    const ch = String.fromCodePoint(template.codePointAt(i) as number);
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === nameStart) return null;
  const name = template.slice(nameStart, i);
  if (brace) {
    if (template[i] !== '}') return null;
    i++;
  }
  return { name, end: i };
}

function groupValue(match: RegExpExecArray, name: string): string {
  if (/^\d+$/.test(name)) {
    if (name.length > 1 && name.startsWith('0')) return match.groups?.[name] ?? '';
    return match[Number(name)] ?? '';
  }
  return match.groups?.[name] ?? '';
}
