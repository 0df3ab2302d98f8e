import { describe, expect, it } from 'vitest';
import { ConnectionMonitor } from './connection';
import { KubeApiError, syntheticStatus } from './errors';

describe('ConnectionMonitor', () => {
  const failure = new Error('refused');

  it('goes from connecting to unreachable when the first requests fail', () => {
    const monitor = new ConnectionMonitor();
    expect(monitor.getSnapshot().state).toBe('connecting');
    monitor.reportConnectionFailure(failure);
    expect(monitor.getSnapshot()).toMatchObject({ state: 'unreachable', error: failure });
  });

  it('says reconnecting for a couple of failures after being connected, then unreachable', () => {
    const monitor = new ConnectionMonitor();
    monitor.reportSuccess();
    monitor.reportConnectionFailure(failure);
    monitor.reportConnectionFailure(failure);
    expect(monitor.getSnapshot().state).toBe('reconnecting');
    monitor.reportConnectionFailure(failure);
    expect(monitor.getSnapshot().state).toBe('unreachable');
    monitor.reportSuccess();
    expect(monitor.getSnapshot().state).toBe('connected');
  });

  it('remembers a 401 until a new token or a success, and notifies subscribers', () => {
    const monitor = new ConnectionMonitor();
    let notified = 0;
    monitor.subscribe(() => (notified += 1));
    monitor.reportUnauthorized(new KubeApiError(syntheticStatus(401, 'Unauthorized'), { method: 'GET', url: '/' }));
    expect(monitor.getSnapshot().unauthorized?.code).toBe(401);
    monitor.clearUnauthorized();
    expect(monitor.getSnapshot().unauthorized).toBeUndefined();
    expect(notified).toBe(2);
  });
});
