/**
 * The current view as a standalone SVG document, drawn from the graph model and positions (not by
 * copying the DOM), so it is small, crisp at any size and opens in any viewer.
 */
import type { Health } from '../../../../mesh/topology/model';
import type { Point } from '../layout';
import { HEALTH_TEXT, edgeWidth } from '../view/format';
import { labelWidth, LABEL_HEIGHT_PX } from '../view/label-culling';
import { BADGE_GLYPHS, shapeOf, shapePath } from '../view/shapes';
import { ICON_CENTER, ICON_SIZE, LOCK_GLYPH, NAME_Y } from '../view/geometry';
import type { Scene } from './scene';

/** Concrete colours: the export must not depend on the page's CSS variables. */
export interface Palette {
  readonly background: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly health: Readonly<Record<Health, string>>;
}

export const LIGHT_PALETTE: Palette = {
  background: '#f4f5f7',
  surface: '#ffffff',
  text: '#1a1e24',
  muted: '#58616c',
  border: '#c7ccd4',
  health: { healthy: '#1f9d48', degraded: '#d49b12', failure: '#d12f3a', idle: '#7f8893', unknown: '#c7ccd4' },
};

const MARGIN = 16;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const n = (value: number) => Number(value.toFixed(1));

/** The arrowhead marker of an edge of this health; the canvas draws the same triangle. */
export const arrowMarkerId = (health: Health) => `arrow-${health}`;

/** One arrowhead marker per health that an edge in the scene has, in that health's colour. */
function arrowMarkers(scene: Scene, palette: Palette): string {
  const healths = [...new Set(scene.edges.map((e) => e.edge.health))];
  if (healths.length === 0) return '';
  const markers = healths.map(
    (health) =>
      `<marker id="${arrowMarkerId(health)}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 1L9 5L0 9z" fill="${palette.health[health]}"/></marker>`,
  );
  return `<defs>${markers.join('')}</defs>`;
}

function lockGlyph(at: Point, palette: Palette): string {
  return (
    `<g class="lock" transform="translate(${n(at.x)} ${n(at.y)})" stroke="${palette.muted}" stroke-width="1.2"><title>mutual TLS</title>` +
    `<path d="${LOCK_GLYPH.body}" fill="${palette.surface}"/><path d="${LOCK_GLYPH.shackle}" fill="none"/></g>`
  );
}

export function sceneToSvg(scene: Scene, palette: Palette = LIGHT_PALETTE): string {
  const { view } = scene;
  const width = Math.ceil(view.width + 2 * MARGIN);
  const height = Math.ceil(view.height + 2 * MARGIN);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(view.x - MARGIN)} ${n(view.y - MARGIN)} ${width} ${height}" font-family="Inter, Segoe UI, Roboto, Arial, sans-serif">`,
    `<rect x="${n(view.x - MARGIN)}" y="${n(view.y - MARGIN)}" width="${width}" height="${height}" fill="${palette.background}"/>`,
    arrowMarkers(scene, palette),
  ];
  for (const { box, rect } of scene.boxes) {
    parts.push(
      `<g class="box"><title>${escapeXml(`${box.kind} ${box.label}`)}</title>`,
      `<rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.width)}" height="${n(rect.height)}" rx="8" fill="${palette.surface}" fill-opacity="0.6" stroke="${palette.border}" stroke-dasharray="${box.kind === 'namespace' ? '' : '4 3'}"/>`,
      `<text x="${n(rect.x + 10)}" y="${n(rect.y + 18)}" font-size="12" font-weight="600" fill="${palette.muted}">${escapeXml(box.label)}</text></g>`,
    );
  }
  for (const { edge, path, mid, label, lock } of scene.edges) {
    const color = palette.health[edge.health];
    parts.push(
      `<g class="edge"><title>${escapeXml(`${edge.source} → ${edge.target}`)}</title>`,
      `<path d="${path}" fill="none" stroke="${color}" stroke-width="${n(edgeWidth(edge.rps))}"${edge.protocol === 'tcp' ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#${arrowMarkerId(edge.health)})"/>`,
    );
    if (lock) parts.push(lockGlyph(lock, palette));
    if (label) {
      const w = labelWidth(label);
      parts.push(
        `<rect x="${n(mid.x - w / 2)}" y="${n(mid.y - LABEL_HEIGHT_PX / 2)}" width="${w}" height="${LABEL_HEIGHT_PX}" rx="4" fill="${palette.surface}" stroke="${color}"/>`,
        `<text x="${n(mid.x)}" y="${n(mid.y + 4)}" font-size="11" text-anchor="middle" fill="${palette.text}">${escapeXml(label)}</text>`,
      );
    }
    parts.push('</g>');
  }
  for (const { node, position } of scene.nodes) {
    const cx = position.x + ICON_CENTER.x;
    const cy = position.y + ICON_CENTER.y;
    const color = palette.health[node.health];
    const badges = node.badges.map((badge) => BADGE_GLYPHS[badge].glyph).join(' ');
    parts.push(
      `<g class="node"><title>${escapeXml(`${node.name} (${node.kind}, ${node.namespace}): ${HEALTH_TEXT[node.health]}`)}</title>`,
      `<path d="${shapePath(shapeOf(node), cx, cy, ICON_SIZE)}" fill="${palette.surface}" stroke="${color}" stroke-width="3"/>`,
      node.memberCount !== undefined
        ? `<text x="${n(cx)}" y="${n(cy + 4)}" font-size="11" font-weight="600" text-anchor="middle" fill="${palette.text}">${node.memberCount}</text>`
        : '',
      `<text x="${n(cx)}" y="${n(position.y + NAME_Y)}" font-size="12" text-anchor="middle" fill="${palette.text}">${escapeXml(node.name)}</text>`,
      badges
        ? `<text x="${n(cx + ICON_SIZE / 2 + 4)}" y="${n(cy - ICON_SIZE / 2 + 8)}" font-size="9" font-weight="700" fill="${palette.muted}">${escapeXml(badges)}</text>`
        : '',
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.filter(Boolean).join('\n');
}
