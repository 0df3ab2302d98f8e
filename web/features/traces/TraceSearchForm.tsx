import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { durationProblem } from './duration';
import { useJaegerOperations } from './jaeger-hooks';
import { MAX_LIMIT } from './search-params';
import type { TraceSearchParams } from './search-params';
import { formatTags, parseTags } from './tags';

export interface TraceSearchFormProps {
  readonly initial: TraceSearchParams;
  /** Services Jaeger knows; the field still takes any name when the list could not be read. */
  readonly services: readonly string[];
  /** Set when the scope fixes the service (a detail page's tab). */
  readonly fixedService?: string;
  readonly onSearch: (params: TraceSearchParams) => void;
}

interface Draft {
  service: string;
  operation: string;
  tags: string;
  minDuration: string;
  maxDuration: string;
  limit: string;
}

function problemsOf(draft: Draft): string[] {
  const tags = parseTags(draft.tags);
  const limit = Number(draft.limit);
  return [
    draft.service.trim() ? undefined : 'service: pick the service whose traces to find, e.g. productpage.bookinfo',
    'error' in tags ? tags.error : undefined,
    durationProblem('minDuration', draft.minDuration),
    durationProblem('maxDuration', draft.maxDuration),
    Number.isInteger(limit) && limit > 0 && limit <= MAX_LIMIT ? undefined : `limit: use a whole number from 1 to ${MAX_LIMIT}`,
  ].filter((problem): problem is string => problem !== undefined);
}

/** The search form (Jaeger UI's fields); it keeps a draft and hands over a search once it is valid. */
export function TraceSearchForm({ initial, services, fixedService, onSearch }: TraceSearchFormProps) {
  const [draft, setDraft] = useState<Draft>(() => ({
    service: fixedService ?? initial.service,
    operation: initial.operation,
    tags: formatTags(initial.tags),
    minDuration: initial.minDuration,
    maxDuration: initial.maxDuration,
    limit: String(initial.limit),
  }));
  const [submitted, setSubmitted] = useState(false);
  const operations = useJaegerOperations(draft.service.trim());
  const ids = useId();
  const problems = problemsOf(draft);
  // Problems show once a search was tried, then follow the typing.
  const shown = submitted ? problems : [];

  const change = (field: keyof Draft) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setDraft((current) => ({ ...current, [field]: value, ...(field === 'service' ? { operation: '' } : {}) }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const tags = parseTags(draft.tags);
    if (problems.length > 0 || 'error' in tags) return;
    onSearch({
      service: draft.service.trim(),
      operation: draft.operation.trim(),
      tags: tags.tags,
      minDuration: draft.minDuration.trim(),
      maxDuration: draft.maxDuration.trim(),
      limit: Number(draft.limit),
    });
  };

  return (
    <form className="trace-search-form" onSubmit={submit} aria-label="Trace search" noValidate>
      {fixedService ? (
        <label className="trace-field is-wide">
          <span>Service</span>
          <input className="text-input" value={fixedService} readOnly />
        </label>
      ) : (
        <label className="trace-field is-wide">
          <span>Service</span>
          <input className="text-input" list={`${ids}-services`} value={draft.service} onChange={change('service')} placeholder="productpage.bookinfo" spellCheck={false} />
          <datalist id={`${ids}-services`}>
            {services.map((service) => (
              <option key={service} value={service} />
            ))}
          </datalist>
        </label>
      )}
      <label className="trace-field is-wide">
        <span>Operation</span>
        <input className="text-input" list={`${ids}-operations`} value={draft.operation} onChange={change('operation')} placeholder="all" spellCheck={false} />
        <datalist id={`${ids}-operations`}>
          {(operations.data ?? []).map((operation) => (
            <option key={operation} value={operation} />
          ))}
        </datalist>
      </label>
      <label className="trace-field is-wide">
        <span>Tags</span>
        <input className="text-input" value={draft.tags} onChange={change('tags')} placeholder="http.status_code=503 error=true" spellCheck={false} />
      </label>
      <label className="trace-field">
        <span>Min duration</span>
        <input className="text-input" value={draft.minDuration} onChange={change('minDuration')} placeholder="100ms" spellCheck={false} />
      </label>
      <label className="trace-field">
        <span>Max duration</span>
        <input className="text-input" value={draft.maxDuration} onChange={change('maxDuration')} placeholder="1.5s" spellCheck={false} />
      </label>
      <label className="trace-field is-narrow">
        <span>Limit</span>
        <input className="text-input" value={draft.limit} onChange={change('limit')} inputMode="numeric" />
      </label>
      <button type="submit" className="button is-primary trace-search-submit">
        Find traces
      </button>
      {shown.length > 0 ? (
        <ul className="trace-search-problems" role="alert" aria-label="Search problems">
          {shown.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
