import { useQueryClient } from '@tanstack/react-query';
import { explainError, useConnectionStatus, useKubeApi } from '../api';
import { ErrorBanner } from '../ui/ErrorBanner';

/** When the API cannot be reached, says so above every screen, with the reason and what to do. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  const { client, watches } = useKubeApi();
  const queryClient = useQueryClient();
  if (status.state !== 'unreachable' || !status.error) return null;
  const explanation = explainError(status.error, { baseUrl: client.baseUrl });
  return (
    <div className="shell-banner">
      <ErrorBanner
        {...explanation}
        action={
          <button
            type="button"
            className="button"
            onClick={() => {
              watches.restartAll();
              void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
            }}
          >
            Retry now
          </button>
        }
      />
    </div>
  );
}
