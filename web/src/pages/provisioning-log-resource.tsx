// The user or team a SCIM request was about, linked to its page (which says so if it has since been deleted).
import { Link } from 'react-router';

const PAGES: Readonly<Record<string, { readonly path: string; readonly label: string }>> = {
  User: { path: '/users', label: 'User' },
  Group: { path: '/teams', label: 'Team' },
};

export function ProvisioningLogResource({ type, id }: { type: string | null; id: string | null }) {
  if (id === null) return <span className="muted">{type ?? '—'}</span>;
  const page = type === null ? undefined : PAGES[type];
  const shortId = id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
  if (page === undefined) {
    return (
      <span className="mono" title={id}>
        {shortId}
      </span>
    );
  }
  return (
    <span>
      {page.label}{' '}
      {/* The shortened id stays the link's name (its visible text must be part of it); the title has the full id. */}
      <Link to={`${page.path}/${id}`} className="mono" title={id}>
        {shortId}
      </Link>
    </span>
  );
}
