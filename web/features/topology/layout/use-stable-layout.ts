import { useEffect, useMemo, useState } from 'react';
import type { LayoutAlgorithm } from './algorithms';
import { layoutClient } from './layout-client';
import { applyPins } from './pins';
import type { Containment, LaidOut } from './pins';
import { encodeLayoutRequest } from './protocol';
import type { LayoutRequest } from './protocol';
import type { LayoutInput, LayoutOptions, Point, Rect, StableLayout } from './types';

interface Encoded {
  readonly key: string;
  readonly request: LayoutRequest;
}

interface Settled extends LaidOut {
  /** The key of the input these positions are for. */
  readonly key: string | undefined;
  readonly containment: Containment;
  readonly error?: Error;
  readonly lastLayoutMs?: number;
}

const EMPTY: Settled = { key: undefined, nodes: new Map(), boxes: new Map(), containment: { nodeBox: new Map(), boxParent: new Map() } };

/**
 * Positions for the topology from the layout worker. The worker is asked only when the graph's
 * structure (nodes, boxes, edges) or the algorithm changes, and nodes that existed before keep
 * their positions. Pinned positions override the layout without a round trip.
 */
export function useStableLayout(input: LayoutInput, options: LayoutOptions): StableLayout {
  const encodedNow = useMemo(() => encode(input, options.algorithm), [input, options.algorithm]);
  // Derived state: a new input object with the same structure keeps the request (and the effect) as is.
  const [encoded, setEncoded] = useState(encodedNow);
  if (encoded.key !== encodedNow.key) setEncoded(encodedNow);

  const [pinned, setPinned] = useState(options.pinned);
  if (pinned !== options.pinned && pinsKey(pinned) !== pinsKey(options.pinned)) setPinned(options.pinned);

  const [settled, setSettled] = useState<Settled>(EMPTY);
  // Nothing to place (the graph is still loading): no round trip, so the first one measured is the graph's.
  const isEmpty = encoded.request.nodeIds.length === 0 && encoded.request.boxIds.length === 0;
  useEffect(() => {
    if (isEmpty) return;
    let active = true;
    layoutClient()
      .layout(encoded.request)
      .then(
        (result) => {
          if (!active || !result) return;
          setSettled((previous) => ({
            key: encoded.key,
            ...decode(encoded.request, result.nodes, result.boxes, previous),
            containment: containmentOf(encoded.request),
            lastLayoutMs: result.ms,
          }));
        },
        (error: unknown) => {
          if (!active) return;
          setSettled((previous) => ({ ...previous, key: encoded.key, error: error instanceof Error ? error : new Error(String(error)) }));
        },
      );
    return () => {
      active = false;
    };
  }, [encoded, isEmpty]);

  const shown = isEmpty ? EMPTY : settled;
  const positioned = useMemo(() => applyPins(shown, shown.containment, pinned), [shown, pinned]);
  const pending = !isEmpty && settled.key !== encoded.key;
  const { error, lastLayoutMs } = shown;
  return useMemo(
    () => ({ nodes: positioned.nodes, boxes: positioned.boxes, pending, error, lastLayoutMs }),
    [positioned, pending, error, lastLayoutMs],
  );
}

function encode(input: LayoutInput, algorithm: LayoutAlgorithm): Encoded {
  return encodeLayoutRequest(input, algorithm, 0);
}

/** Maps from the worker's flat arrays; a position that did not change keeps its object. */
function decode(request: LayoutRequest, flatNodes: Float64Array, flatBoxes: Float64Array, previous: LaidOut): LaidOut {
  const nodes = new Map<string, Point>();
  request.nodeIds.forEach((id, i) => {
    const x = flatNodes[i * 2] ?? 0;
    const y = flatNodes[i * 2 + 1] ?? 0;
    const before = previous.nodes.get(id);
    nodes.set(id, before && before.x === x && before.y === y ? before : { x, y });
  });
  const boxes = new Map<string, Rect>();
  request.boxIds.forEach((id, i) => {
    const [x = 0, y = 0, width = 0, height = 0] = flatBoxes.subarray(i * 4, i * 4 + 4);
    const before = previous.boxes.get(id);
    boxes.set(id, before && before.x === x && before.y === y && before.width === width && before.height === height ? before : { x, y, width, height });
  });
  return { nodes, boxes };
}

function containmentOf(request: LayoutRequest): Containment {
  const nodeBox = new Map<string, string>();
  request.nodeIds.forEach((id, i) => {
    const box = request.boxIds[request.nodeBox[i] ?? -1];
    if (box !== undefined) nodeBox.set(id, box);
  });
  const boxParent = new Map<string, string>();
  request.boxIds.forEach((id, i) => {
    const parent = request.boxIds[request.boxParent[i] ?? -1];
    if (parent !== undefined) boxParent.set(id, parent);
  });
  return { nodeBox, boxParent };
}

function pinsKey(pins: ReadonlyMap<string, Point>): string {
  let key = '';
  for (const [id, at] of pins) key += `${id}@${at.x},${at.y};`;
  return key;
}
