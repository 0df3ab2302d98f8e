import { useConnectionStatus, useKubeApi, useServerVersion } from '../api';
import { StatusDot } from '../ui/Badge';
import { Spinner } from '../ui/Spinner';

/** Connected / reconnecting / unreachable, always visible in the top bar. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  const version = useServerVersion();
  const { client } = useKubeApi();
  const where = `the Kubernetes API at ${client.baseUrl}`;

  switch (status.state) {
    case 'connecting':
      return (
        <span className="connection" role="status" title={`Connecting to ${where}`}>
          <Spinner size={10} label="Connecting" /> Connecting
        </span>
      );
    case 'connected':
      if (status.unauthorized) {
        return (
          <span className="connection" role="status" title={`${where} needs a bearer token`}>
            <StatusDot tone="warn">Sign-in required</StatusDot>
          </span>
        );
      }
      return (
        <span className="connection" role="status" title={`Connected to ${where}${version ? ` (${version.gitVersion})` : ''}`}>
          <StatusDot tone="ok">Connected</StatusDot>
          {version ? <span className="connection-version">{version.gitVersion}</span> : null}
        </span>
      );
    case 'reconnecting':
      return (
        <span className="connection" role="status" title={status.error?.message}>
          <StatusDot tone="warn">Reconnecting…</StatusDot>
        </span>
      );
    case 'unreachable':
      return (
        <span className="connection" role="status" title={status.error?.message}>
          <StatusDot tone="danger">API unreachable</StatusDot>
        </span>
      );
  }
}
