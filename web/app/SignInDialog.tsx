import { useState } from 'react';
import { useConnectionStatus, useKubeApi, useSession } from '../api';
import { Code } from '../ui/Code';
import { Dialog } from '../ui/Dialog';

/** Asks for a bearer token whenever the API answers 401; the token lives in this tab's sessionStorage. */
export function SignInDialog() {
  const status = useConnectionStatus();
  const session = useSession();
  const { client } = useKubeApi();
  const [token, setToken] = useState('');
  const open = Boolean(status.unauthorized);
  const rejected = open && session.hasToken;

  return (
    <Dialog
      open={open}
      title="Sign in to the Kubernetes API"
      footer={
        <button type="submit" form="sign-in-form" className="button is-primary" disabled={!token.trim()}>
          Sign in
        </button>
      }
    >
      <form
        id="sign-in-form"
        className="sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          if (!token.trim()) return;
          session.signIn(token);
          setToken('');
        }}
      >
        {rejected ? (
          <p className="sign-in-rejected" role="alert">
            The API server rejected the token ({status.unauthorized?.message || 'Unauthorized'}). It may have expired: create a
            new one.
          </p>
        ) : (
          <p>
            The API at <Code>{client.baseUrl}</Code> needs a bearer token (HTTP 401 Unauthorized).
          </p>
        )}
        <p className="muted">
          Create one for a service account with <Code>kubectl create token &lt;service-account&gt; -n &lt;namespace&gt;</Code>{' '}
          and paste it here. It stays in this browser tab only.
        </p>
        <label className="sign-in-label" htmlFor="sign-in-token">
          Bearer token
        </label>
        <input
          id="sign-in-token"
          className="text-input mono"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={token}
          placeholder="eyJhbGciOi…"
          onChange={(event) => setToken(event.target.value)}
        />
      </form>
    </Dialog>
  );
}
