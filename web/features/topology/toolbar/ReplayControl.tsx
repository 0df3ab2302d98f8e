import { useEffect, useState } from 'react';
import type { TimeWindow } from '../../../app/time-window';

/** Replay speed: one step of the window per tick. */
const TICK_MS = 1_000;

function timeText(date: Date): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/**
 * Moves the graph's evaluation time through the window: a slider, and a play button that advances
 * it one step a second. At the right end (or "Live") the graph shows the window's end.
 */
export function ReplayControl({ window, at, onChange }: { window: TimeWindow; at: Date | undefined; onChange: (at: Date | undefined) => void }) {
  const [playing, setPlaying] = useState(false);
  const start = Math.floor(window.start.getTime() / 1000);
  const end = Math.floor(window.end.getTime() / 1000);
  const step = Math.max(15, window.stepSeconds * 4);
  const value = at ? Math.floor(at.getTime() / 1000) : end;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = value + step;
      if (next >= end) {
        setPlaying(false);
        onChange(undefined);
      } else onChange(new Date(next * 1000));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, value, step, end, onChange]);

  return (
    <div className="topology-replay">
      <button
        type="button"
        className="button"
        aria-label={playing ? 'Pause replay' : 'Play replay'}
        onClick={() => {
          if (!playing && !at) onChange(new Date((start + step) * 1000));
          setPlaying(!playing);
        }}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        type="range"
        aria-label="Replay time"
        min={start}
        max={end}
        step={step}
        value={value}
        onChange={(event) => {
          const next = Number(event.target.value);
          onChange(next >= end - step / 2 ? undefined : new Date(next * 1000));
        }}
      />
      <span className={`topology-replay-time${at ? ' is-replaying' : ''}`}>{at ? timeText(at) : 'Window end'}</span>
      {at ? (
        <button type="button" className="button" onClick={() => { setPlaying(false); onChange(undefined); }}>
          Back to end
        </button>
      ) : null}
    </div>
  );
}
