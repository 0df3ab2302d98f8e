import {
  keepLabels,
  labelsKeyFor,
  labelsKeyWithout,
  METRIC_NAME,
  withoutLabels,
  type Labels,
} from '../labels';

/** How an aggregation partitions series: `by (...)` or `without (...)`. */
export class Grouping {
  private readonly names: ReadonlySet<string>;
  private readonly sortedNames: readonly string[];
  private readonly without: boolean;

  constructor(names: readonly string[], without: boolean) {
    this.without = without;
    this.names = new Set(without ? [...names, METRIC_NAME] : names);
    this.sortedNames = [...new Set(names)].sort();
  }

  key(labels: Labels): string {
    return this.without ? labelsKeyWithout(labels, this.names) : labelsKeyFor(labels, this.sortedNames);
  }

  /** The labels of the group's result series. */
  labels(labels: Labels): Labels {
    return this.without ? withoutLabels(labels, this.names) : keepLabels(labels, this.names);
  }
}

/** Assigns every row a group index (first-seen order) and records each group's labels. */
export function assignGroups(rows: readonly Labels[], grouping: Grouping): { groupOf: Int32Array; groupLabels: Labels[] } {
  const groupOf = new Int32Array(rows.length);
  const groupLabels: Labels[] = [];
  const byKey = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const labels = rows[i] as Labels;
    const key = grouping.key(labels);
    let g = byKey.get(key);
    if (g === undefined) {
      g = groupLabels.length;
      byKey.set(key, g);
      groupLabels.push(grouping.labels(labels));
    }
    groupOf[i] = g;
  }
  return { groupOf, groupLabels };
}
