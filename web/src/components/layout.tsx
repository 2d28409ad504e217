// The console's frame: navigation (a sidebar from 900 px, a menu button below), the organization switcher and the
// signed-in admin. A member (SSO sign-in without an admin group) gets their own account only.
import { useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, type Session } from '../session/session-context';
import { ErrorBanner } from './error-banner';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly end?: boolean;
}

const ADMIN_NAV: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/users', label: 'Users' },
  { to: '/teams', label: 'Teams' },
  { to: '/api-keys', label: 'API keys' },
  { to: '/provisioning-log', label: 'Provisioning log' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/settings', label: 'Settings' },
];

const MY_ACCOUNT: NavItem = { to: '/me', label: 'My account' };

/** Only a sign-in through SSO has a user behind it, and so an own account (GET /api/v1/me). */
function navOf(session: Session): readonly NavItem[] {
  if (session.role === 'member') return [MY_ACCOUNT];
  return session.userId === null ? ADMIN_NAV : [...ADMIN_NAV, MY_ACCOUNT];
}

function OrgSwitcher() {
  const { session, organizations, org, selectOrg } = useSession();
  const navigate = useNavigate();
  // A member cannot list organizations: the slug alone would only guess at the name.
  if (session.role === 'member') return null;
  if (organizations.length <= 1) {
    return (
      <span className="org-name" title="Organization">
        {organizations[0]?.name ?? org}
      </span>
    );
  }
  return (
    <label className="org-switcher">
      <span className="visually-hidden">Organization</span>
      <select
        value={org}
        onChange={(event) => {
          selectOrg(event.target.value);
          void navigate('/');
        }}
      >
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.slug}>
            {organization.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Layout() {
  const { session, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => {
            setMenuOpen((open) => !open);
          }}
        >
          <span className="visually-hidden">Menu</span>
          <span aria-hidden="true">☰</span>
        </button>
        <NavLink to={session.role === 'member' ? MY_ACCOUNT.to : '/'} className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          Muster
        </NavLink>
        <OrgSwitcher />
        <div className="topbar-user">
          <span className="muted small user-email">{session.admin.email}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              signOut().then(
                () => void navigate('/login'),
                (error: unknown) => {
                  setSignOutError(error);
                },
              );
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <nav id="main-nav" className={`sidebar${menuOpen ? ' open' : ''}`} aria-label="Main">
        <ul>
          {navOf(session).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end ?? false}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <ErrorBanner error={signOutError} title="Signing out failed" />
        <Outlet />
      </main>
    </div>
  );
}
