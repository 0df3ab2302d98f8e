/** Browser side of the export: the theme's colours, PNG rasterising and the download itself. */
import type { Palette } from './svg';

/** The palette of the theme in use, read from the CSS custom properties the canvas draws with. */
export function currentPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    background: read('--bg'),
    surface: read('--bg-elevated'),
    text: read('--fg'),
    muted: read('--fg-muted'),
    border: read('--border-strong'),
    health: {
      healthy: read('--ok'),
      degraded: read('--warn'),
      failure: read('--danger'),
      idle: read('--fg-subtle'),
      unknown: read('--border-strong'),
    },
  };
}

/** Draws the SVG onto a canvas at `scale` (2 for sharp output on high-density screens). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The browser gave no 2D canvas to draw the PNG on.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `topology-2026-11-25T19-04.svg`: sortable and safe on every file system. */
export function exportFileName(extension: string, at: Date = new Date()): string {
  return `topology-${at.toISOString().slice(0, 16).replace(':', '-')}.${extension}`;
}
