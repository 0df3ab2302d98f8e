/** Turns any failure into words for a person: what happened, and what to do about it. */
import { ConnectionError, KubeApiError, ProtocolError } from './errors';

export interface ErrorExplanation {
  readonly title: string;
  readonly detail: string;
  readonly hint?: string;
  /** Field-level problems the server reported (422 Invalid). */
  readonly fields?: readonly { field: string; message: string }[];
}

export interface ErrorContext {
  /** What we were doing, e.g. "list VirtualServices in bookinfo". */
  action?: string;
  baseUrl?: string;
}

export function explainError(error: unknown, context: ErrorContext = {}): ErrorExplanation {
  const doing = context.action ? `Could not ${context.action}` : 'The request failed';
  const baseUrl = context.baseUrl ?? '/k8s';
  if (error instanceof ConnectionError) {
    return {
      title: `Cannot reach the Kubernetes API at ${baseUrl}`,
      detail: error.message,
      hint: 'Is `npm start` or `kubectl proxy` running? Meshdeck retries on its own once it is back.',
    };
  }
  if (error instanceof KubeApiError) return explainApiError(error, doing);
  if (error instanceof ProtocolError) {
    return {
      title: `${doing}: unexpected answer`,
      detail: error.message,
      hint: `Check that ${baseUrl} leads to a Kubernetes API server and not to another service.`,
    };
  }
  return { title: doing, detail: error instanceof Error ? error.message : String(error) };
}

function explainApiError(error: KubeApiError, doing: string): ErrorExplanation {
  const detail = error.message;
  switch (error.code) {
    case 401:
      return {
        title: 'Sign-in required',
        detail,
        hint: 'Sign in with a bearer token, e.g. from `kubectl create token <service-account>`.',
      };
    case 403:
      return {
        title: `${doing}: permission denied`,
        detail,
        hint: 'Ask a cluster administrator for the RBAC permission, pick a namespace you can read, or sign in with another token.',
      };
    case 404:
      return {
        title: `${doing}: not found`,
        detail,
        hint: 'It may have been deleted, or its CustomResourceDefinition is not installed in this cluster.',
      };
    case 409:
      return {
        title: `${doing}: conflict`,
        detail,
        hint: 'Someone changed it in the meantime. Reload the latest version and apply your change again.',
      };
    case 410:
      return { title: `${doing}: expired`, detail, hint: 'Reload the page to start from a fresh list.' };
    case 422:
      return {
        title: `${doing}: the server rejected it as invalid`,
        detail,
        hint: 'Fix the fields listed below and try again.',
        fields: error.causes.map((cause) => ({ field: cause.field ?? '(object)', message: cause.message ?? cause.reason ?? '' })),
      };
    case 429:
      return { title: `${doing}: the API server is busy`, detail, hint: 'Wait a moment and try again.' };
    default:
      if (error.code >= 500) {
        return {
          title: `${doing}: the API server failed (HTTP ${error.code})`,
          detail,
          hint: 'Try again in a moment; if it keeps failing, look at the API server logs.',
        };
      }
      return { title: `${doing} (HTTP ${error.code} ${error.reason})`, detail };
  }
}
