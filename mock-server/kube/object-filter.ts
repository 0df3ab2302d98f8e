import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { matchesFieldSelector, parseFieldSelector } from './field-selector';
import { matchesLabelSelector, parseLabelSelector } from './label-selector';

export type ObjectFilter = (obj: KubeObject) => boolean;

export interface SelectorStrings {
  labelSelector?: string;
  fieldSelector?: string;
}

/** Compiles selectors into one predicate; undefined when nothing filters. Throws 400 on bad syntax. */
export function buildObjectFilter(info: KindInfo, selectors: SelectorStrings): ObjectFilter | undefined {
  const labels = selectors.labelSelector ? parseLabelSelector(selectors.labelSelector) : [];
  const fields = selectors.fieldSelector ? parseFieldSelector(info, selectors.fieldSelector) : [];
  if (labels.length === 0 && fields.length === 0) return undefined;
  return (obj) => matchesLabelSelector(labels, obj.metadata.labels) && matchesFieldSelector(fields, obj);
}
