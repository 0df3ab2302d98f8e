import { useMemo, useState } from 'react';
import type { KubeObject } from '../../../api';
import type { HistoryEntry } from '../../../api/config-writes';
import { Dialog, Select } from '../../../ui';
import { YamlDiffEditor } from '../../../ui/editor';
import { versionChoices } from './versions';

/** Any two versions side by side: recorded ones and the live object. */
export function CompareDialog({
  entries,
  live,
  initialFrom,
  initialTo,
  onClose,
}: {
  entries: readonly HistoryEntry[];
  live?: KubeObject;
  initialFrom: string;
  initialTo?: string;
  onClose: () => void;
}) {
  const choices = useMemo(() => versionChoices(entries, live), [entries, live]);
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo ?? choices[0]?.id ?? initialFrom);
  const left = choices.find((c) => c.id === from);
  const right = choices.find((c) => c.id === to);
  const options = choices.map((c) => ({ value: c.id, label: c.label }));

  return (
    <Dialog open title="Compare versions" onClose={onClose} width={1100}>
      <div className="history-compare-pickers">
        <Select label="Compare from" value={from} options={options} onChange={setFrom} prefix="From" />
        <span aria-hidden>→</span>
        <Select label="Compare to" value={to} options={options} onChange={setTo} prefix="To" />
      </div>
      {left && right ? (
        left.yaml === right.yaml ? (
          <p className="muted">These two versions are the same.</p>
        ) : (
                      <YamlDiffEditor
              original={left.yaml}
              modified={right.yaml}
              originalLabel={left.label}
              modifiedLabel={right.label}
              ariaLabel={`Differences from ${left.label} to ${right.label}`}
              height="60vh"
            />
        )
      ) : null}
    </Dialog>
  );
}
