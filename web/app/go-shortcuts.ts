import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isTyping } from '../ui/keyboard';
import { SCREENS } from './screens';
import { carriedSearch } from './url-state';

/** "g" then a screen's key goes there, as in many keyboard-driven tools: "g w" for Workloads. */
export function useGoShortcuts(): void {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    let armedAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'g') {
        armedAt = Date.now();
        return;
      }
      if (Date.now() - armedAt > 1_000) return;
      armedAt = 0;
      const screen = SCREENS.find((candidate) => candidate.key === event.key);
      if (screen) navigate(`${screen.path}${carriedSearch(location.search)}`);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, location.search]);
}
