import { useCallback } from 'react';
import { formatSort, parseSort } from '../ui/sort';
import type { ListState } from '../ui/SelectableList';
import type { SortState } from '../ui/sort';
import { useNamespaces, useUrlParam } from './url-state';

/**
 * The URL state every list screen shares: the namespaces it lists, the filter text (`q`), the sort
 * (`sort`) and the selected row (`sel`). Every change replaces the history entry.
 */
export function useListPageState(defaultSort: SortState): ListState & { readonly namespaces: readonly string[] } {
  const [namespaces] = useNamespaces();
  const [text, setTextParam] = useUrlParam('q');
  const [sortParam, setSortParam] = useUrlParam('sort');
  const [selectedKey, setSelected] = useUrlParam('sel');
  const setText = useCallback((value: string) => setTextParam(value, { replace: true }), [setTextParam]);
  const onSortChange = useCallback((next: SortState) => setSortParam(formatSort(next), { replace: true }), [setSortParam]);
  const select = useCallback((key: string) => setSelected(key, { replace: true }), [setSelected]);
  const closePanel = useCallback(() => setSelected('', { replace: true }), [setSelected]);
  return {
    namespaces,
    where: namespaces.length ? namespaces.join(', ') : 'any namespace',
    text,
    setText,
    sort: parseSort(sortParam) ?? defaultSort,
    onSortChange,
    selectedKey,
    select,
    closePanel,
  };
}
