import { Link } from 'react-router';
import { useCarriedSearch } from '../../../app/url-state';

/** Leads to the create page, keeping the selected namespace (it becomes the default for new objects). */
export function CreateButton() {
  const search = useCarriedSearch();
  return (
    <Link className="button is-primary" to={`/config/new${search}`}>
      Create
    </Link>
  );
}
