import { useState } from 'react';
import { Link } from 'react-router';
import { describeObject, planKey, summarizePlan } from '../../../api/config-writes';
import type { AppliedDocument, ApplyStatus, ManifestProblem, PlanAction, PlannedDocument } from '../../../api/config-writes';
import { configPath } from '../../../app/links';
import { Badge, Dialog } from '../../../ui';
import type { Tone } from '../../../ui';
import { YamlDiffEditor } from '../../../ui/editor';

const ACTION: Readonly<Record<PlanAction | ApplyStatus, { label: string; tone: Tone }>> = {
  create: { label: 'create', tone: 'ok' },
  update: { label: 'update', tone: 'accent' },
  unchanged: { label: 'unchanged', tone: 'neutral' },
  invalid: { label: 'invalid', tone: 'danger' },
  created: { label: 'created', tone: 'ok' },
  updated: { label: 'updated', tone: 'accent' },
  failed: { label: 'failed', tone: 'danger' },
};

/** "create 2, update 1, unchanged 3": what applying would do. */
export function planSentence(plan: readonly PlannedDocument[]): string {
  const summary = summarizePlan(plan);
  const parts = [`create ${summary.create}`, `update ${summary.update}`, `unchanged ${summary.unchanged}`];
  if (summary.invalid) parts.push(`${summary.invalid} with problems`);
  return parts.join(', ');
}

/** One row per document: what will happen (or happened) to it, its problems at their lines, and its diff. */
export function PlanView({
  plan,
  results,
  onRevealLine,
}: {
  plan: readonly PlannedDocument[];
  results?: readonly AppliedDocument[];
  onRevealLine: (line: number) => void;
}) {
  const [diffOf, setDiffOf] = useState<PlannedDocument>();
  return (
    <>
      <ol className="create-plan" aria-label={results ? 'Apply results' : 'Plan'}>
        {plan.map((planned, index) => {
          const result = results?.[index];
          const status = result?.status ?? (planned.problems.length && planned.action !== 'invalid' ? 'invalid' : planned.action);
          const problems = result?.problems ?? planned.problems;
          const { kind, desired, document } = planned;
          const label = kind && desired ? describeObject(kind, desired) : `Document ${document.index + 1}`;
          const link = result && result.status !== 'failed' && kind && desired;
          return (
            <li key={planKey(planned)} className="create-plan-item" data-status={status}>
              <div className="create-plan-head">
                <Badge tone={ACTION[status].tone}>{ACTION[status].label}</Badge>
                <span className="create-plan-label">
                  {link ? <Link to={configPath(kind, desired.metadata.namespace, desired.metadata.name ?? '')}>{label}</Link> : label}
                </span>
                <button type="button" className="create-plan-lines" onClick={() => onRevealLine(document.startLine)} title="Show in the editor">
                  lines {document.startLine}–{document.endLine}
                </button>
                {planned.action === 'create' || planned.action === 'update' ? (
                  <button type="button" className="button" onClick={() => setDiffOf(planned)}>
                    Diff
                  </button>
                ) : null}
              </div>
              {planned.note && !problems.length ? <div className="create-plan-note subtle">{planned.note}</div> : null}
              {problems.length ? <Problems problems={problems} onRevealLine={onRevealLine} /> : null}
              {result?.historyError ? (
                <div className="create-plan-note subtle">Applied, but not recorded in the history: {result.historyError.message}</div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {diffOf ? <DiffDialog planned={diffOf} onClose={() => setDiffOf(undefined)} /> : null}
    </>
  );
}

function Problems({ problems, onRevealLine }: { problems: readonly ManifestProblem[]; onRevealLine: (line: number) => void }) {
  return (
    <ul className="create-plan-problems">
      {problems.map((problem, index) => (
        <li key={index}>
          <button type="button" className="create-plan-lines" onClick={() => onRevealLine(problem.line)}>
            line {problem.line}
          </button>{' '}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

function DiffDialog({ planned, onClose }: { planned: PlannedDocument; onClose: () => void }) {
  const label = planned.kind && planned.desired ? describeObject(planned.kind, planned.desired) : 'Document';
  return (
    <Dialog open title={`${planned.action === 'create' ? 'Create' : 'Update'} ${label}`} onClose={onClose} width={1100}>
      <YamlDiffEditor
        original={planned.liveYaml}
        modified={planned.resultYaml}
        originalLabel={planned.live ? 'Live now' : 'Does not exist yet'}
        modifiedLabel="After apply (server dry run)"
        ariaLabel={`Changes to ${label}`}
        height="60vh"
      />
    </Dialog>
  );
}
