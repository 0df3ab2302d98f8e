/**
 * Edge labels must never be painted over each other (a top complaint about Kiali's busy graphs).
 * Greedy placement in screen space: labels are taken in priority order (selected, hovered, then the
 * busiest edges) and each is kept only if its box does not overlap one already kept.
 */

export interface LabelCandidate {
  readonly id: string;
  /** Centre of the label in flow coordinates. */
  readonly x: number;
  readonly y: number;
  /** Size in screen pixels. */
  readonly width: number;
  readonly height: number;
  /** Higher goes first. */
  readonly priority: number;
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Screen-space gap kept between two labels. */
const GAP_PX = 3;
/** Grid cell for the overlap index; about one label wide, so a lookup checks a handful of cells. */
const CELL_PX = 64;

/** The ids of the labels to draw at `zoom` (screen px per flow unit). */
export function cullLabels(candidates: readonly LabelCandidate[], zoom: number): ReadonlySet<string> {
  const kept = new Set<string>();
  const grid = new Map<string, Rect[]>();
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const label of ordered) {
    const rect = screenRect(label, zoom);
    const cells = cellsOf(rect);
    if (cells.some((cell) => grid.get(cell)?.some((other) => overlaps(rect, other)))) continue;
    kept.add(label.id);
    for (const cell of cells) {
      const list = grid.get(cell);
      if (list) list.push(rect);
      else grid.set(cell, [rect]);
    }
  }
  return kept;
}

function screenRect(label: LabelCandidate, zoom: number): Rect {
  const cx = label.x * zoom;
  const cy = label.y * zoom;
  const halfW = label.width / 2 + GAP_PX / 2;
  const halfH = label.height / 2 + GAP_PX / 2;
  return { left: cx - halfW, top: cy - halfH, right: cx + halfW, bottom: cy + halfH };
}

function cellsOf(rect: Rect): string[] {
  const cells: string[] = [];
  for (let x = Math.floor(rect.left / CELL_PX); x <= Math.floor(rect.right / CELL_PX); x += 1)
    for (let y = Math.floor(rect.top / CELL_PX); y <= Math.floor(rect.bottom / CELL_PX); y += 1) cells.push(`${x}:${y}`);
  return cells;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Width in pixels of a label's text at the label font (11px sans, ~6.2px per glyph, plus padding). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.2) + 10;
}
export const LABEL_HEIGHT_PX = 17;
