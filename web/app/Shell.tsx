// The shell imports each UI component from its own module so that the first load carries only what it shows.
import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../api';
import { Icon } from '../ui/Icon';
import { Select } from '../ui/Select';
import { LoadingPane } from '../ui/Spinner';
import { ConnectionBanner } from './ConnectionBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import { useGoShortcuts } from './go-shortcuts';
import { NamespaceSelector } from './NamespaceSelector';
import { SCREENS } from './screens';
import { SignInDialog } from './SignInDialog';
import { ThemeToggle } from './ThemeToggle';
import { TimeWindowChip } from './TimeWindowChip';
import type { TimeRange } from './url-state';
import { REFRESH_INTERVALS, TIME_RANGES, useCarriedSearch, useRefreshInterval, useTimeRange, useUrlParam } from './url-state';
import './Shell.css';

const TIME_RANGE_OPTIONS = TIME_RANGES.map((value) => ({ value, label: `Last ${value}` }));
const REFRESH_OPTIONS = REFRESH_INTERVALS.map((value) => ({ value, label: value === 'off' ? 'Off' : value }));

export function Shell() {
  useGoShortcuts();
  return (
    <div className="shell">
      <Navigation />
      <TopBar />
      <main className="shell-main">
        <ConnectionBanner />
        <div className="shell-screen">
          <Suspense fallback={<LoadingPane label="Loading screen…" />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <SignInDialog />
    </div>
  );
}

function Navigation() {
  const search = useCarriedSearch();
  return (
    <nav className="shell-nav" aria-label="Screens">
      <div className="shell-brand">
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden>
          <path d="M3 6l7-4 7 4v8l-7 4-7-4z" fill="none" stroke="var(--accent)" strokeWidth="1.6" strokeLinejoin="round" />
          <path d="M3 6l7 4 7-4M10 10v8" fill="none" stroke="var(--accent)" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
        <span>Meshdeck</span>
      </div>
      <ul className="shell-nav-list">
        {SCREENS.map((screen) => (
          <li key={screen.path}>
            <NavLink
              to={`${screen.path}${search}`}
              className={({ isActive }) => `shell-nav-link${isActive ? ' is-active' : ''}`}
              title={`${screen.label} (g ${screen.key})`}
            >
              <Icon name={screen.icon} />
              <span>{screen.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TopBar() {
  const [range, setRange] = useTimeRange();
  const [, setFrom] = useUrlParam('from');
  const [, setTo] = useUrlParam('to');
  const [refresh, setRefresh] = useRefreshInterval();
  const session = useSession();
  // Picking a range means "the last <range>": it leaves a fixed (zoomed) window.
  const pickRange = (next: TimeRange) => {
    setRange(next);
    setFrom('');
    setTo('');
  };
  return (
    <header className="shell-top">
      <NamespaceSelector />
      <div className="shell-top-spacer" />
      <TimeWindowChip />
      <Select label="Time range" value={range} options={TIME_RANGE_OPTIONS} onChange={pickRange} prefix={<Icon name="clock" size={14} />} />
      <Select
        label="Refresh interval"
        value={refresh}
        options={REFRESH_OPTIONS}
        onChange={setRefresh}
        prefix={<Icon name="refresh" size={14} />}
        title="Refresh interval for metrics and traces (lists update live)"
      />
      <span className="shell-top-divider" />
      <ConnectionIndicator />
      <ThemeToggle />
      {session.hasToken ? (
        <button type="button" className="icon-button" aria-label="Sign out" title="Sign out (forget the token)" onClick={session.signOut}>
          <Icon name="logout" />
        </button>
      ) : null}
    </header>
  );
}
