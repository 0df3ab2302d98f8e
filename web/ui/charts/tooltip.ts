/** The hover read-out of a chart, written straight into the DOM: it follows the mouse, React need not. */
import type uPlot from 'uplot';
import type { AlignedColumns } from './align';

const MAX_ROWS = 8;

function row(color: string, label: string, value: string): HTMLDivElement {
  const line = document.createElement('div');
  line.className = 'ts-chart-tooltip-row';
  const swatch = document.createElement('span');
  swatch.className = 'ts-chart-swatch';
  swatch.style.background = color;
  const name = document.createElement('span');
  name.textContent = label;
  const amount = document.createElement('span');
  amount.textContent = value;
  line.append(swatch, name, amount);
  return line;
}

export function renderTooltip(
  tooltip: HTMLDivElement,
  plot: uPlot,
  hovering: boolean,
  columns: AlignedColumns,
  labels: readonly string[],
  isShown: (index: number) => boolean,
  colorOf: (index: number) => string,
  format: (value: number) => string,
): void {
  const index = plot.cursor.idx;
  const left = plot.cursor.left ?? -1;
  const time = index === null || index === undefined ? undefined : columns[0][index];
  if (!hovering || time === undefined || left < 0) {
    tooltip.hidden = true;
    return;
  }
  const rows = labels
    .map((label, i) => ({ label, i, value: columns[i + 1]?.[index ?? 0] ?? null }))
    .filter((r): r is { label: string; i: number; value: number } => r.value !== null && isShown(r.i))
    .sort((a, b) => b.value - a.value);
  const heading = document.createElement('div');
  heading.className = 'ts-chart-tooltip-time';
  heading.textContent = new Date(time * 1000).toLocaleString();
  const lines = rows.slice(0, MAX_ROWS).map((r) => row(colorOf(r.i), r.label, format(r.value)));
  if (rows.length > MAX_ROWS) lines.push(row('transparent', `+${rows.length - MAX_ROWS} more`, ''));
  tooltip.replaceChildren(heading, ...lines);
  tooltip.hidden = false;
  const overLeft = plot.over.offsetLeft;
  const overTop = plot.over.offsetTop;
  const width = tooltip.offsetWidth;
  const x = overLeft + left + 14 + width > plot.width ? overLeft + left - 14 - width : overLeft + left + 14;
  tooltip.style.left = `${Math.max(0, x)}px`;
  tooltip.style.top = `${overTop + 4}px`;
}
