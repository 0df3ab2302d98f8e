import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { alignSeries, hasNoValues, nearestSeries } from './align';
import { readChartColors, useThemeName } from './theme-colors';
import type { ChartColors } from './theme-colors';
import { renderTooltip } from './tooltip';
import { DEFAULT_HEIGHT } from './types';
import type { TimeSeriesChartProps } from './types';

const MIN_DRAG_PX = 5;
const DASHED_AFTER = 10;

function seriesColor(colors: ChartColors, index: number): string {
  return colors.series[index % colors.series.length] ?? '#888';
}

/** The uPlot side of TimeSeriesChart; see there. */
export function UPlotChart({
  title,
  series,
  formatValue,
  xRange,
  syncKey,
  height = DEFAULT_HEIGHT,
  onZoom,
  onPointClick,
  loading = false,
  emptyMessage = 'No data in this window',
}: TimeSeriesChartProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const theme = useThemeName();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const data = useMemo(() => alignSeries(series), [series]);
  const labels = useMemo(() => series.map((s) => s.label), [series]);
  const labelsKey = labels.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the colours are the theme's, read again when it changes
  const colors = useMemo(() => readChartColors(), [theme]);
  const [start, end] = xRange;

  // uPlot's hooks are set once per build; they read the latest props from here.
  const latest = useRef({ data, labels, hidden, start, end, formatValue, onZoom, onPointClick, loading });
  useLayoutEffect(() => {
    latest.current = { data, labels, hidden, start, end, formatValue, onZoom, onPointClick, loading };
  });

  useLayoutEffect(() => {
    const host = hostRef.current;
    const frame = frameRef.current;
    if (!host || !frame) return;
    const now = latest.current;
    frame.dataset.drawn = 'false';
    const font = `11px ${getComputedStyle(host).fontFamily || 'sans-serif'}`;
    const axis = { stroke: colors.axis, font, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
    let hovering = false;
    const plot = new uPlot(
      {
        width: host.clientWidth || 300,
        height,
        legend: { show: false },
        scales: {
          x: { time: true, range: () => [latest.current.start, latest.current.end] },
          y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
        },
        series: [
          {},
          ...now.labels.map((label, index) => ({
            label,
            stroke: seriesColor(colors, index),
            width: 1.5,
            dash: index >= DASHED_AFTER ? [5, 3] : undefined,
            show: !now.hidden.has(label),
            spanGaps: false,
            points: { show: false },
          })),
        ],
        axes: [
          axis,
          {
            ...axis,
            // Wide enough for the longest tick label ("39.1 KiB/s"), at about 6.5 px a character.
            size: (_u, values) => Math.max(40, Math.ceil(Math.max(0, ...(values ?? []).map((v) => v.length)) * 6.5) + 14),
            values: (_u, splits) => splits.map((v) => latest.current.formatValue(v)),
          },
        ],
        cursor: {
          y: false,
          sync: syncKey ? { key: syncKey, setSeries: false } : undefined,
          drag: { x: true, y: false, setScale: false, dist: MIN_DRAG_PX },
          points: { size: 6 },
        },
        hooks: {
          // "drawn" means the current data is on screen (the bench and the browser tests wait for it).
          draw: [() => void (frame.dataset.drawn = String(!latest.current.loading))],
          setScale: [
            (u, key) => {
              if (key !== 'x') return;
              frame.dataset.xMin = String(Math.round(u.scales.x?.min ?? 0));
              frame.dataset.xMax = String(Math.round(u.scales.x?.max ?? 0));
            },
          ],
          setSelect: [
            (u) => {
              if (u.select.width >= MIN_DRAG_PX) {
                const from = u.posToVal(u.select.left, 'x');
                const to = u.posToVal(u.select.left + u.select.width, 'x');
                latest.current.onZoom?.(from, to);
              }
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            },
          ],
          setCursor: [
            (u) => {
              const tooltip = tooltipRef.current;
              if (!tooltip) return;
              const { data: columns, labels: names, hidden: off, formatValue: format } = latest.current;
              renderTooltip(tooltip, u, hovering, columns, names, (i) => !off.has(names[i] ?? ''), (i) => seriesColor(colors, i), format);
            },
          ],
        },
      },
      now.data as uPlot.AlignedData,
      host,
    );
    plotRef.current = plot;
    plot.over.setAttribute('role', 'img');
    plot.over.setAttribute('aria-label', title);
    plot.over.addEventListener('mouseenter', () => void (hovering = true));
    plot.over.addEventListener('mouseleave', () => {
      hovering = false;
      if (tooltipRef.current) tooltipRef.current.hidden = true;
    });
    plot.over.addEventListener('click', () => {
      const { data: columns, labels: names, hidden: off, onPointClick: click } = latest.current;
      const index = plot.cursor.idx;
      if (!click || index === null || index === undefined) return;
      const y = plot.posToVal(plot.cursor.top ?? 0, 'y');
      const hiddenIndices = new Set(names.flatMap((name, i) => (off.has(name) ? [i] : [])));
      const nearest = nearestSeries(columns, index, y, hiddenIndices);
      const time = columns[0][index];
      if (nearest >= 0 && time !== undefined) click(time, names[nearest] ?? '');
    });
    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height });
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // Rebuilt when the series set, colours or size change; data and range changes are applied below.
  }, [labelsKey, colors, syncKey, height, title]);

  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    if (frameRef.current) frameRef.current.dataset.drawn = 'false';
    plot.setData(data as uPlot.AlignedData);
  }, [data, start, end, loading]);

  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    labels.forEach((label, index) => {
      const show = !hidden.has(label);
      if (plot.series[index + 1]?.show !== show) plot.setSeries(index + 1, { show });
    });
  }, [hidden, labels]);

  const empty = hasNoValues(data);
  return (
    <div className="ts-chart" ref={frameRef} data-drawn="false">
      <div className="ts-chart-plot">
        <div ref={hostRef} />
        {empty || loading ? <div className="ts-chart-empty">{loading ? 'Loading…' : emptyMessage}</div> : null}
        <div ref={tooltipRef} className="ts-chart-tooltip" hidden />
      </div>
      {labels.length > 0 ? (
        <Legend labels={labels} hidden={hidden} colors={colors} onToggle={(label) => setHidden((was) => toggled(was, label))} />
      ) : null}
    </div>
  );
}

function toggled(set: ReadonlySet<string>, label: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(label)) next.delete(label);
  else next.add(label);
  return next;
}

function Legend({
  labels,
  hidden,
  colors,
  onToggle,
}: {
  labels: readonly string[];
  hidden: ReadonlySet<string>;
  colors: ChartColors;
  onToggle: (label: string) => void;
}) {
  return (
    <ul className="ts-chart-legend" aria-label="Series">
      {labels.map((label, index) => (
        <li key={label}>
          <button type="button" aria-pressed={!hidden.has(label)} title={`Show or hide ${label}`} onClick={() => onToggle(label)}>
            <span className="ts-chart-swatch" style={{ background: seriesColor(colors, index) }} />
            <span>{label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
