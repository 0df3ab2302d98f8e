/** Chart colours come from the CSS custom properties of the current theme, read when a chart is built. */
import { useSyncExternalStore } from 'react';

export interface ChartColors {
  readonly axis: string;
  readonly grid: string;
  readonly series: readonly string[];
}

const SERIES_VARIABLES = 10;

function cssVariable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readChartColors(element: Element = document.documentElement): ChartColors {
  const style = getComputedStyle(element);
  return {
    axis: cssVariable(style, '--fg-muted', '#58616c'),
    grid: cssVariable(style, '--border-subtle', '#eceef1'),
    series: Array.from({ length: SERIES_VARIABLES }, (_, i) => cssVariable(style, `--chart-${i + 1}`, '#2f6bd8')),
  };
}

function subscribe(notify: () => void): () => void {
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The root's data-theme; charts rebuild with the new colours when it changes. */
export function useThemeName(): string {
  return useSyncExternalStore(subscribe, () => document.documentElement.dataset.theme ?? '');
}
