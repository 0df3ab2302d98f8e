/**
 * Node marks, one shape per kind as in Kiali (circle = workload, square = app, triangle = service,
 * diamond = external or unknown), a hexagon for gateways and a stacked square for aggregates. Drawn
 * as SVG paths so that the canvas and the SVG export share them.
 */
import type { NodeBadge, TopologyNode } from '../../../../mesh/topology/model';

export type NodeShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'stack';

export function shapeOf(node: Pick<TopologyNode, 'kind' | 'isGateway'>): NodeShape {
  if (node.isGateway) return 'hexagon';
  switch (node.kind) {
    case 'workload':
      return 'circle';
    case 'app':
      return 'square';
    case 'service':
      return 'triangle';
    case 'aggregate':
      return 'stack';
    case 'external':
    case 'unknown':
      return 'diamond';
  }
}

/** The shape's outline centred on (cx, cy), fitting a square of side `size`. */
export function shapePath(shape: NodeShape, cx: number, cy: number, size: number): string {
  const r = size / 2;
  const f = (n: number) => Number(n.toFixed(2));
  switch (shape) {
    case 'circle':
      return `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
    case 'square': {
      const s = r * 0.86;
      return `M${f(cx - s)} ${f(cy - s)}H${f(cx + s)}V${f(cy + s)}H${f(cx - s)}Z`;
    }
    case 'triangle':
      return `M${f(cx)} ${f(cy - r)}L${f(cx + r)} ${f(cy + r * 0.8)}H${f(cx - r)}Z`;
    case 'diamond':
      return `M${f(cx)} ${f(cy - r)}L${f(cx + r)} ${f(cy)}L${f(cx)} ${f(cy + r)}L${f(cx - r)} ${f(cy)}Z`;
    case 'hexagon': {
      const points = Array.from({ length: 6 }, (_, i) => {
        const angle = (Math.PI / 3) * i;
        return `${f(cx + r * Math.cos(angle))} ${f(cy + r * Math.sin(angle))}`;
      });
      return `M${points.join('L')}Z`;
    }
    case 'stack': {
      const s = r * 0.78;
      const o = r * 0.22;
      // The front square, and the two behind it offset up-right.
      return [
        `M${f(cx - s)} ${f(cy - s + o)}H${f(cx + s - o)}V${f(cy + s)}H${f(cx - s)}Z`,
        `M${f(cx - s + o)} ${f(cy - s + o)}V${f(cy - s)}H${f(cx + s)}V${f(cy + s - o)}H${f(cx + s - o)}`,
      ].join('');
    }
  }
}

export interface BadgeGlyph {
  readonly glyph: string;
  readonly title: string;
}

/**
 * Short glyphs beside a node; the title says what each means. Symbols only from ranges the common
 * UI fonts (DejaVu, Segoe UI Symbol, Apple Symbols) all carry; the rest are letters.
 */
export const BADGE_GLYPHS: Record<NodeBadge, BadgeGlyph> = {
  virtualService: { glyph: 'VS', title: 'Routed by a VirtualService' },
  trafficShifting: { glyph: '⇄', title: 'Traffic shifting: weighted routes' },
  faultInjection: { glyph: 'FI', title: 'Fault injection' },
  timeout: { glyph: '◷', title: 'Request timeout' },
  retries: { glyph: '↻', title: 'Retries' },
  circuitBreaker: { glyph: 'CB', title: 'Circuit breaker (connection pool or outlier detection)' },
  mirroring: { glyph: '⇉', title: 'Traffic mirroring' },
  missingSidecar: { glyph: '!', title: 'Missing sidecar: not in the mesh' },
  gateway: { glyph: 'GW', title: 'Gateway' },
  serviceEntry: { glyph: 'SE', title: 'Defined by a ServiceEntry' },
  ambient: { glyph: 'AM', title: 'Ambient mode (ztunnel)' },
  waypoint: { glyph: 'WP', title: 'Waypoint proxy' },
  rateLimit: { glyph: 'RL', title: 'Local rate limit' },
  authorizationPolicy: { glyph: 'AP', title: 'AuthorizationPolicy applies' },
};

/** Badges that warn rather than inform get the warning colour. */
export function isWarningBadge(badge: NodeBadge): boolean {
  return badge === 'missingSidecar' || badge === 'faultInjection';
}
