import { FilterInput, Select, ToggleChip } from '../../ui';
import { NO_FLAG, STATUS_CLASSES } from './log-filter';
import type { StatusClass } from './log-filter';
import type { LogDirection } from './log-rows';
import type { LogFilterState } from './use-log-filter';
import { flagMeaning } from './LogRowView';

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export interface LogFiltersProps {
  readonly state: LogFilterState;
  readonly pods: readonly string[];
  readonly podLabel: (pod: string) => string;
  readonly statusCounts: ReadonlyMap<StatusClass, number>;
  readonly flagCounts: ReadonlyMap<string, number>;
  readonly regexError?: string;
}

export function LogFilters({ state, pods, podLabel, statusCounts, flagCounts, regexError }: LogFiltersProps) {
  const { filter } = state;
  const flags = [...new Set([...flagCounts.keys(), ...filter.flags])].sort((a, b) => (a === NO_FLAG ? -1 : b === NO_FLAG ? 1 : a.localeCompare(b)));
  return (
    <div className="log-filters">
      <div className="toolbar">
        <FilterInput
          label="Filter logs"
          value={filter.text}
          onChange={state.setText}
          placeholder={filter.regex ? 'Regular expression over the whole line…' : 'Text anywhere in the line: path, request id, host…'}
        />
        <ToggleChip pressed={filter.regex} onToggle={() => state.setRegex(!filter.regex)} title="Treat the filter as a regular expression">
          .* regex
        </ToggleChip>
        <span className="log-filter-group" role="group" aria-label="Status class">
          {STATUS_CLASSES.map((cls) => (
            <ToggleChip
              key={cls}
              pressed={filter.statusClasses.includes(cls)}
              onToggle={() => state.setStatusClasses(toggled(filter.statusClasses, cls))}
              count={statusCounts.get(cls) ?? 0}
              muted={!statusCounts.get(cls)}
              title={`Only ${cls} responses`}
            >
              {cls}
            </ToggleChip>
          ))}
        </span>
        <Select
          label="Direction"
          value={filter.direction}
          onChange={(value: LogDirection | '') => state.setDirection(value)}
          options={[
            { value: '', label: 'In and out' },
            { value: 'inbound', label: 'Inbound' },
            { value: 'outbound', label: 'Outbound' },
          ]}
        />
        {pods.length > 1 || filter.pod ? (
          <Select
            label="Pod"
            value={filter.pod}
            onChange={state.setPod}
            options={[
              { value: '', label: `All ${pods.length} pods` },
              ...[...new Set([...pods, ...(filter.pod ? [filter.pod] : [])])].map((pod) => ({ value: pod, label: podLabel(pod) })),
            ]}
          />
        ) : null}
      </div>
      {regexError ? (
        <div className="log-filter-error" role="alert">
          {regexError}
        </div>
      ) : null}
      {flags.length > 0 ? (
        <div className="log-filter-group log-flag-chips" role="group" aria-label="Response flags">
          <span className="subtle">Flags</span>
          {flags.map((flag) => (
            <ToggleChip
              key={flag}
              pressed={filter.flags.includes(flag)}
              onToggle={() => state.setFlags(toggled(filter.flags, flag))}
              count={flagCounts.get(flag) ?? 0}
              title={flag === NO_FLAG ? 'No response flag: the request went through normally' : `${flag}: ${flagMeaning(flag)}`}
            >
              {flag === NO_FLAG ? 'none' : flag}
              {flag === NO_FLAG ? null : <span className="log-flag-meaning"> {flagMeaning(flag)}</span>}
            </ToggleChip>
          ))}
        </div>
      ) : null}
    </div>
  );
}
