import { useEffect, useRef } from 'react';

/** While Jaeger fails, ask again this often, so the page recovers without a reload. */
export const RECOVERY_POLL_MS = 5_000;

/** Calls `poll` every few seconds while `active`, and stops once it is not. */
export function useRecoveryPoll(active: boolean, poll: () => void, intervalMs = RECOVERY_POLL_MS): void {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  });
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}
