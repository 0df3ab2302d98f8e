import { useMemo } from 'react';
import type { RefObject } from 'react';
import { exportGraphJson } from '../../../../mesh/topology/export';
import type { TopologyGraph } from '../../../../mesh/topology/model';
import type { Point, Rect } from '../layout';
import type { CanvasHandle } from '../canvas/ViewportControls';
import type { MenuItem } from '../toolbar/Menu';
import { edgeLabelText } from '../view/format';
import type { EdgeLabelMode } from '../view/format';
import { currentPalette, download, exportFileName, svgToPng } from './download';
import { sceneOf } from './scene';
import { sceneToSvg } from './svg';

export interface ExportSource {
  readonly graph: TopologyGraph;
  readonly nodePositions: ReadonlyMap<string, Point>;
  readonly boxRects: ReadonlyMap<string, Rect>;
  readonly labelMode: EdgeLabelMode;
  readonly canvas: RefObject<CanvasHandle | null>;
  /** What the user chose to see, recorded in the JSON. */
  readonly view: Readonly<Record<string, string | readonly string[] | boolean | number>>;
  readonly onError: (message: string) => void;
}

/** PNG and SVG of what is in view (labels in the chosen mode), and the whole drawn graph as JSON. */
export function useExportItems({ graph, nodePositions, boxRects, labelMode, canvas, view, onError }: ExportSource): MenuItem[] {
  return useMemo(() => {
    const svgOfView = () => {
      const viewRect = canvas.current?.viewRect();
      if (!viewRect) throw new Error('The graph is not drawn yet.');
      const labels = new Map(graph.edges.map((e) => [e.id, edgeLabelText(e, labelMode)]));
      const scene = sceneOf({ ...graph, nodePositions, boxRects, labels, view: viewRect });
      return sceneToSvg(scene, currentPalette());
    };
    const guarded = (action: () => Promise<void> | void) => () => {
      Promise.resolve()
        .then(action)
        .catch((error: unknown) => onError(`Export failed: ${error instanceof Error ? error.message : String(error)}`));
    };
    return [
      {
        label: 'PNG image of the view',
        onSelect: guarded(async () => download(exportFileName('png'), await svgToPng(svgOfView()))),
      },
      {
        label: 'SVG image of the view',
        onSelect: guarded(() => download(exportFileName('svg'), new Blob([svgOfView()], { type: 'image/svg+xml' }))),
      },
      {
        label: 'Graph as JSON',
        detail: 'nodes, edges, boxes, positions',
        onSelect: guarded(() =>
          download(exportFileName('json'), new Blob([exportGraphJson(graph, { positions: nodePositions, view })], { type: 'application/json' })),
        ),
      },
    ];
  }, [graph, nodePositions, boxRects, labelMode, canvas, view, onError]);
}
