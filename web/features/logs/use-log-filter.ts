/** The log filters in the address bar, so that a link (from a trace, say) opens the logs already filtered. */
import { useMemo } from 'react';
import { useUrlList, useUrlParam } from '../../app/url-state';
import { parseStatusClasses } from './log-filter';
import type { LogFilter, StatusClass } from './log-filter';
import type { LogDirection } from './log-rows';

export interface LogFilterState {
  readonly filter: LogFilter;
  readonly follow: boolean;
  setText(text: string): void;
  setRegex(on: boolean): void;
  setStatusClasses(classes: readonly StatusClass[]): void;
  setFlags(flags: readonly string[]): void;
  setPod(pod: string): void;
  setDirection(direction: LogDirection | ''): void;
  setFollow(on: boolean): void;
}

export function useLogFilter(): LogFilterState {
  const [text, setText] = useUrlParam('q');
  const [regex, setRegex] = useUrlParam('re');
  const [status, setStatus] = useUrlList('status');
  const [flags, setFlags] = useUrlList('flags');
  const [pod, setPod] = useUrlParam('pod');
  const [direction, setDirection] = useUrlParam('dir');
  const [follow, setFollow] = useUrlParam('follow');
  const filter = useMemo<LogFilter>(
    () => ({
      text,
      regex: regex === '1',
      statusClasses: parseStatusClasses(status),
      flags,
      pod,
      direction: direction === 'inbound' || direction === 'outbound' ? direction : '',
    }),
    [text, regex, status, flags, pod, direction],
  );
  return {
    filter,
    follow: follow === '1',
    setText: (next) => setText(next, { replace: true }),
    setRegex: (on) => setRegex(on ? '1' : ''),
    setStatusClasses: (next) => setStatus(next),
    setFlags: (next) => setFlags(next),
    setPod: (next) => setPod(next),
    setDirection: (next) => setDirection(next),
    setFollow: (on) => setFollow(on ? '1' : ''),
  };
}
