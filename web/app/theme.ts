/** Light or dark: follows the system until the user picks one, and remembers the pick. */
import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'meshdeck.theme';
const listeners = new Set<() => void>();

function storedChoice(): Theme | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return storedChoice() ?? systemTheme();
}

export function applyTheme(theme: Theme = currentTheme()): void {
  document.documentElement.dataset.theme = theme;
}

/** Called once at start-up: paints the right theme and follows system changes while no choice is stored. */
export function initTheme(): void {
  applyTheme();
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (storedChoice()) return;
    applyTheme();
    listeners.forEach((notify) => notify());
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTheme(): { theme: Theme; followsSystem: boolean; setTheme(theme: Theme | 'system'): void } {
  const theme = useSyncExternalStore(subscribe, currentTheme);
  const followsSystem = useSyncExternalStore(subscribe, () => storedChoice() === undefined);
  const setTheme = useCallback((next: Theme | 'system') => {
    try {
      if (next === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Without storage the choice lasts until reload.
    }
    applyTheme(next === 'system' ? systemTheme() : next);
    listeners.forEach((notify) => notify());
  }, []);
  return { theme, followsSystem, setTheme };
}
