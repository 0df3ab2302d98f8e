/** The versions a user can compare: the live object and each recorded one. */
import { cleanForApply, parseManifest, toYaml } from '../../../api/config-writes';
import type { KubeObject } from '../../../api';
import type { HistoryAction, HistoryEntry } from '../../../api/config-writes';

export const LIVE = 'live';

export interface VersionChoice {
  readonly id: string;
  readonly label: string;
  readonly yaml: string;
}

export const ACTION_LABELS: Readonly<Record<HistoryAction, string>> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
  rollback: 'Rolled back',
  observed: 'Changed outside Meshdeck',
};

export function versionLabel(entry: HistoryEntry): string {
  const when = entry.time ? new Date(entry.time).toLocaleString() : 'unknown time';
  return `#${entry.seq} · ${ACTION_LABELS[entry.action]} · ${when}`;
}

/** Live first (when the object exists), then the recorded versions newest first; versions too large to keep are left out. */
export function versionChoices(entries: readonly HistoryEntry[], live: KubeObject | undefined): VersionChoice[] {
  const choices: VersionChoice[] = live ? [{ id: LIVE, label: 'Live now', yaml: toYaml(cleanForApply(live)) }] : [];
  for (const entry of [...entries].reverse()) {
    if (!entry.omitted) choices.push({ id: String(entry.seq), label: versionLabel(entry), yaml: entry.yaml });
  }
  return choices;
}

/** The recorded version as an object to write back, or a reason it cannot be. */
export function versionObject(entry: HistoryEntry): { object?: KubeObject; problem?: string } {
  if (entry.omitted) return { problem: 'This version was too large to keep in the history.' };
  const [document] = parseManifest(entry.yaml);
  if (!document?.object) return { problem: document?.problems[0]?.message ?? 'This version could not be read.' };
  return { object: document.object };
}
