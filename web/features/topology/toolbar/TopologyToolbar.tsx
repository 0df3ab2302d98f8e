import { FIND_PRESETS } from '../../../../mesh/topology/find';
import type { CompletionContext } from '../../../../mesh/topology/find';
import type { TimeWindow } from '../../../app/time-window';
import { Select, ToggleChip } from '../../../ui';
import { usePinnedPositions } from '../canvas/use-pinned';
import { TRAFFIC_WINDOW_OPTIONS } from '../graph-request';
import { GRAPH_TYPE_OPTIONS, LAYOUT_OPTIONS, MAX_HOPS } from '../view-state';
import type { TopologyViewState } from '../view-state';
import { EDGE_LABEL_MODES } from '../view/format';
import { ExpressionInput } from './ExpressionInput';
import { Menu } from './Menu';
import type { MenuItem } from './Menu';
import { ReplayControl } from './ReplayControl';

export interface TopologyToolbarProps {
  readonly view: TopologyViewState;
  readonly completion: CompletionContext;
  readonly window: TimeWindow;
  readonly at: Date | undefined;
  readonly focusName?: string;
  readonly exportItems: readonly MenuItem[];
  readonly onFit: () => void;
  readonly onRefresh: () => void;
  readonly refreshing: boolean;
}

export function TopologyToolbar({ view, completion, window, at, focusName, exportItems, onFit, onRefresh, refreshing }: TopologyToolbarProps) {
  const [pinned, , unpinAll] = usePinnedPositions();
  return (
    <div className="topology-toolbar">
      <div className="topology-toolbar-row">
        <Select label="Graph type" value={view.graphType} options={GRAPH_TYPE_OPTIONS} onChange={view.setGraphType} />
        <Select label="Traffic window" value={view.trafficWindow} options={TRAFFIC_WINDOW_OPTIONS} onChange={view.setTrafficWindow} />
        <Select label="Edge labels" value={view.labelMode} options={EDGE_LABEL_MODES} onChange={view.setLabelMode} />
        <Select label="Layout" value={view.layout} options={LAYOUT_OPTIONS} onChange={view.setLayout} />
        <ToggleChip pressed={view.showBadges} onToggle={() => view.setShowBadges(!view.showBadges)} title="Marks for routing, faults, circuit breakers, sidecars">
          Badges
        </ToggleChip>
        <ToggleChip pressed={view.animate} onToggle={() => view.setAnimate(!view.animate)} title="Animate the traffic on the edges">
          Traffic animation
        </ToggleChip>
        <ToggleChip pressed={view.idleNodes} onToggle={() => view.setIdleNodes(!view.idleNodes)} title="Show workloads that had no traffic in the window">
          Idle nodes
        </ToggleChip>
        <span className="topology-toolbar-spacer" />
        {pinned.size > 0 ? (
          <button type="button" className="button" onClick={unpinAll} title="Let the layout place the nodes you dragged again">
            Unpin all ({pinned.size})
          </button>
        ) : null}
        <button type="button" className="button" onClick={onFit} title="Fit the whole graph in view">
          Fit
        </button>
        <Menu label="Export" items={exportItems} />
        <button type="button" className="button" onClick={onRefresh} disabled={refreshing} aria-label="Refresh graph" title="Load the graph again now">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div className="topology-toolbar-row">
        <ExpressionInput label="Find" value={view.find} onChange={view.setFind} context={completion} placeholder="Find: e.g. error > 1% or (app = reviews and not mtls)" />
        <ExpressionInput label="Hide" value={view.hide} onChange={view.setHide} context={completion} placeholder="Hide: e.g. idle or namespace = istio-system" />
        <Menu
          label="Presets"
          items={FIND_PRESETS.map((preset) => ({ label: preset.label, detail: preset.expression, onSelect: () => view.setFind(preset.expression) }))}
        />
        {view.focus ? (
          <span className="topology-focus" role="status">
            Focus: <strong>{focusName ?? view.focus}</strong>
            <label className="topology-hops">
              hops
              <input type="number" min={1} max={MAX_HOPS} value={view.hops} aria-label="Focus hops" onChange={(event) => view.setHops(Number(event.target.value) || 1)} />
            </label>
            <button type="button" className="button" onClick={() => view.setFocus('')}>
              Show all
            </button>
          </span>
        ) : null}
        <span className="topology-toolbar-spacer" />
        <ReplayControl window={window} at={at} onChange={view.setAt} />
      </div>
    </div>
  );
}
