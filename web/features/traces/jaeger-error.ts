/** Jaeger failures in words: unreachable, failing, or refusing the search, and what to do about each. */
import { explainError } from '../../api';
import type { ErrorExplanation } from '../../api';
import { JaegerError, isServiceUnreachable } from '../../api/telemetry-clients';

export function explainJaegerError(error: unknown, action: string): ErrorExplanation {
  if (isServiceUnreachable(error)) {
    return {
      title: 'Jaeger is unreachable through the Kubernetes service proxy',
      detail: error.message,
      hint: 'Check that the `tracing` service in `istio-system` has ready endpoints. The search retries on its own.',
    };
  }
  if (error instanceof JaegerError) {
    if (error.httpStatus >= 400 && error.httpStatus < 500) {
      return { title: `Jaeger rejected the request to ${action}`, detail: error.message, hint: 'Change the search and try again.' };
    }
    return {
      title: `Jaeger failed to ${action} (HTTP ${error.httpStatus})`,
      detail: error.message,
      hint: 'Jaeger or its storage is failing. Meshdeck retries on its own; the form keeps working meanwhile.',
    };
  }
  if (error instanceof RangeError) return { title: `Cannot ${action}`, detail: error.message };
  return explainError(error, { action });
}
