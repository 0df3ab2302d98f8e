import { METRIC_NAME, type Labels } from '../labels';
import type { LabelMatcher } from './matcher';
import { unionPostings, type Postings, type PostingsIndex } from './postings';
import type { MemSeries } from './series';

const LE = 'le';

/**
 * Finds the ids of the series matching every matcher. The most selective matcher that cannot
 * match a missing label (so it can be answered from the index) produces the candidates; the
 * others are checked against each candidate's labels, memoising per distinct value and per
 * shared label set.
 */
export function selectIds(
  index: PostingsIndex,
  matchers: readonly LabelMatcher[],
  allIds: () => Iterable<number>,
  seriesById: (id: number) => MemSeries | undefined,
): number[] {
  let best: { matcher: LabelMatcher; lists: Postings[]; size: number } | null = null;
  for (const m of matchers) {
    if (m.matches('')) continue;
    const lists = indexedLists(index, m);
    let size = 0;
    for (const list of lists) size += list.length;
    if (best === null || size < best.size) best = { matcher: m, lists, size };
    if (size === 0) return [];
  }
  const rest = matchers.filter((m) => m !== best?.matcher);
  // Sibling series share one label set apart from name and `le`: check that part once per set.
  const own = rest.filter((m) => m.name === METRIC_NAME || m.name === LE).map((m) => memoised(m));
  const sharedChecks = rest.filter((m) => m.name !== METRIC_NAME && m.name !== LE).map((m) => memoised(m));
  const sharedVerdicts = new Map<Labels, boolean>();
  const out: number[] = [];
  const consider = (id: number): void => {
    const series = seriesById(id);
    if (series === undefined) return;
    for (const check of own) if (!check(series)) return;
    let verdict = sharedVerdicts.get(series.shared);
    if (verdict === undefined) sharedVerdicts.set(series.shared, (verdict = sharedChecks.every((check) => check(series))));
    if (verdict) out.push(id);
  };
  if (best === null) for (const id of allIds()) consider(id);
  else for (const id of unionPostings(best.lists)) consider(id);
  return out;
}

function indexedLists(index: PostingsIndex, m: LabelMatcher): Postings[] {
  if (m.type === '=') {
    const postings = index.postings(m.name, m.value);
    return postings === undefined ? [] : [postings];
  }
  const lists: Postings[] = [];
  const values = index.values(m.name);
  if (values !== undefined) for (const [value, postings] of values) if (m.matches(value)) lists.push(postings);
  return lists;
}

/** A check of one matcher against a series' label, memoising regex results per distinct value. */
function memoised(m: LabelMatcher): (series: MemSeries) => boolean {
  if (m.type === '=' || m.type === '!=') return (series) => m.matches(series.label(m.name));
  const seen = new Map<string, boolean>();
  return (series) => {
    const value = series.label(m.name);
    let result = seen.get(value);
    if (result === undefined) seen.set(value, (result = m.matches(value)));
    return result;
  };
}
