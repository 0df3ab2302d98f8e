import { useUrlParam } from './url-state';
import { parseAbsolute } from './time-window';
import { windowLabel } from './window-label';
import './TimeWindowChip.css';

/** Shown while the time window is fixed (from/to in the URL, after a zoom or a link), with the way back to live. */
export function TimeWindowChip() {
  const [from, setFrom] = useUrlParam('from');
  const [to, setTo] = useUrlParam('to');
  const absolute = parseAbsolute(from, to);
  if (!absolute) return null;
  const full = `${absolute.start.toLocaleString()} – ${absolute.end.toLocaleString()}`;
  return (
    <span className="time-window-chip" title={`Fixed time window: ${full}`}>
      <span className="time-window-chip-text" data-testid="time-window">
        {windowLabel(absolute.start, absolute.end)}
      </span>
      <button
        type="button"
        aria-label="Back to live time range"
        title="Back to live time range"
        onClick={() => {
          setFrom('');
          setTo('');
        }}
      >
        ×
      </button>
    </span>
  );
}
