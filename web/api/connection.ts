/**
 * What the console knows about its link to the API server, fed by every request and watch the
 * client makes, and read by the shell's status indicator and sign-in dialog.
 */
import type { KubeApiError } from './errors';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unreachable';

export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** The last failure while not connected. */
  readonly error?: Error;
  /** Set when the API answered 401: the user has to sign in before anything else works. */
  readonly unauthorized?: KubeApiError;
  /** When the last successful response arrived (ms since epoch). */
  readonly lastSuccessAt?: number;
}

/** Failures in a row, after having been connected, before "reconnecting" turns into "unreachable". */
const FAILURES_BEFORE_UNREACHABLE = 3;

export class ConnectionMonitor {
  private status: ConnectionStatus = { state: 'connecting' };
  private failures = 0;
  private everConnected = false;
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): ConnectionStatus => this.status;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  reportSuccess(): void {
    this.failures = 0;
    this.everConnected = true;
    const now = Date.now();
    // Skip re-renders for the steady stream of successes; keep the timestamp roughly fresh.
    const previous = this.status;
    if (previous.state === 'connected' && !previous.unauthorized && now - (previous.lastSuccessAt ?? 0) < 5_000) return;
    this.update({ state: 'connected', lastSuccessAt: now });
  }

  reportConnectionFailure(error: Error): void {
    this.failures += 1;
    const state: ConnectionState =
      this.everConnected && this.failures < FAILURES_BEFORE_UNREACHABLE ? 'reconnecting' : 'unreachable';
    this.update({ ...this.status, state, error });
  }

  reportUnauthorized(error: KubeApiError): void {
    this.everConnected = true;
    this.update({ ...this.status, state: 'connected', error: undefined, unauthorized: error });
  }

  /** A new token was provided: forget the 401 until the server says otherwise. */
  clearUnauthorized(): void {
    if (this.status.unauthorized) this.update({ ...this.status, unauthorized: undefined });
  }

  private update(next: ConnectionStatus): void {
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}
