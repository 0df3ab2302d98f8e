import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { kindId } from '../../../../mesh/kinds';
import { explainError, useKubeApi } from '../../../api';
import { applyPlan, isApplicable, parseManifest, planApply, useEditorSchema } from '../../../api/config-writes';
import type { AppliedDocument, PlannedDocument } from '../../../api/config-writes';
import { useCarriedSearch, useNamespaces } from '../../../app/url-state';
import { ErrorBanner, Page, PageHeader, Select } from '../../../ui';
import type { ErrorExplanation } from '../../../api';
import { YamlEditor } from '../../../ui/editor';
import type { EditorMarker } from '../../../ui/editor';
import { kindLabel } from '../config-rows';
import { PlanView, planSentence } from './PlanView';
import { TEMPLATE_KINDS, templateFor } from './templates';
import '../config.css';
import './create.css';

const PICK = '';

/** Create objects from a template or pasted YAML; several documents are applied like `kubectl apply -f`. */
export function CreatePage() {
  const { client } = useKubeApi();
  const search = useCarriedSearch();
  const [selected] = useNamespaces();
  const [namespace, setNamespace] = useState(selected[0] ?? 'default');
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<{ text: string; documents: PlannedDocument[] }>();
  const [results, setResults] = useState<AppliedDocument[]>();
  const [busy, setBusy] = useState<'plan' | 'apply'>();
  const [failure, setFailure] = useState<ErrorExplanation>();
  const [revealLine, setRevealLine] = useState<number>();
  const stale = plan !== undefined && plan.text !== text;
  const { schema } = useEditorSchema(TEMPLATE_KINDS);

  const markers = useMemo<EditorMarker[]>(() => {
    if (!plan || stale) return [];
    const all = (results ?? plan.documents).flatMap((item) => item.problems);
    return all.map((problem) => ({ line: problem.line, column: problem.column, severity: 'error', message: problem.message, source: 'server' }));
  }, [plan, results, stale]);

  const insertTemplate = (id: string) => {
    const kind = TEMPLATE_KINDS.find((k) => kindId(k) === id);
    if (!kind) return;
    const template = templateFor(kind, namespace);
    setText(text.trim() ? `${text.replace(/\s*$/, '\n')}---\n${template}` : template);
  };

  const review = async () => {
    setBusy('plan');
    setFailure(undefined);
    setResults(undefined);
    try {
      const documents = parseManifest(text, { defaultNamespace: namespace.trim() || undefined });
      setPlan({ text, documents: await planApply(client, documents) });
    } catch (error) {
      setFailure(explainError(error, { action: 'review the changes' }));
    } finally {
      setBusy(undefined);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy('apply');
    try {
      setResults(await applyPlan(client, plan.documents));
    } finally {
      setBusy(undefined);
    }
  };

  const failed = results?.filter((r) => r.status === 'failed').length ?? 0;
  return (
    <Page>
      <div className="config-breadcrumb">
        <Link to={`/config${search}`}>Istio Config</Link>
        <span aria-hidden>›</span>
        <span>Create</span>
      </div>
      <PageHeader title="Create or apply config" />
      <div className="create-toolbar">
        <Select
          label="Start from a template"
          value={PICK}
          options={[{ value: PICK, label: 'Add a template…' }, ...TEMPLATE_KINDS.map((k) => ({ value: kindId(k), label: kindLabel(k) }))]}
          onChange={insertTemplate}
        />
        <label className="create-namespace">
          Namespace for objects without one
          <input className="text-input mono" value={namespace} spellCheck={false} onChange={(event) => setNamespace(event.target.value)} />
        </label>
        <span className="subtle create-hint">Paste one or more documents separated by ---: each is created if absent, else updated.</span>
      </div>
      <div className="create-body">
        <div className="create-editor">
          <YamlEditor value={text} onChange={setText} schema={text.trim() ? schema : undefined} markers={markers} revealLine={revealLine} ariaLabel="Manifest YAML" />
        </div>
        <aside className="create-side" aria-label="Review">
          <div className="create-actions">
            <button type="button" className="button" disabled={!text.trim() || busy !== undefined} onClick={() => void review()}>
              {busy === 'plan' ? 'Checking…' : plan ? 'Review again' : 'Review changes'}
            </button>
            <button
              type="button"
              className="button is-primary"
              disabled={!plan || stale || results !== undefined || !isApplicable(plan.documents) || busy !== undefined}
              onClick={() => void apply()}
            >
              {busy === 'apply' ? 'Applying…' : 'Apply'}
            </button>
          </div>
          {failure ? <ErrorBanner {...failure} /> : null}
          {!plan ? (
            <p className="muted create-explain">
              Review checks every document with a server dry run and shows what applying would create, update or leave unchanged,
              with a diff for each, before anything is written.
            </p>
          ) : (
            <>
              <p className="create-summary" role="status">
                {results
                  ? failed
                    ? `Applied with ${failed} ${failed === 1 ? 'failure' : 'failures'}: see below.`
                    : 'Applied.'
                  : `Plan: ${planSentence(plan.documents)}.`}
                {stale && !results ? <span className="create-stale"> The YAML changed since: review again.</span> : null}
              </p>
              <PlanView plan={plan.documents} results={results} onRevealLine={setRevealLine} />
            </>
          )}
        </aside>
      </div>
    </Page>
  );
}
