import { Link } from 'react-router';
import { EmptyState } from '../ui/EmptyState';
import { Icon } from '../ui/Icon';
import { Page, PageHeader } from '../ui/Page';
import type { ScreenInfo } from './screens';
import { useCarriedSearch } from './url-state';

/** A screen that is not built yet: says what it will show, and points to what works today. */
export function PlannedScreen({ screen }: { screen: ScreenInfo }) {
  const search = useCarriedSearch();
  return (
    <Page>
      <PageHeader title={screen.label} />
      <EmptyState icon={<Icon name={screen.icon} size={32} />} title={screen.headline ?? screen.label}>
        <p>{screen.purpose}</p>
        <p className="subtle">
          This screen is still to be built. Meanwhile, browse <Link to={`/workloads${search}`}>workloads</Link>,{' '}
          <Link to={`/services${search}`}>services</Link> and <Link to={`/config${search}`}>Istio config</Link>.
        </p>
      </EmptyState>
    </Page>
  );
}

export function NotFoundScreen() {
  const search = useCarriedSearch();
  return (
    <Page>
      <EmptyState title="No such page" action={<Link className="button" to={`/workloads${search}`}>Go to workloads</Link>}>
        <p>The address does not match any screen of the console. Check the link, or pick a screen on the left.</p>
      </EmptyState>
    </Page>
  );
}
