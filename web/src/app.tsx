// Routes. Every page has its own URL and loads directly (the server answers index.html for them); pages other than
// sign-in and setup need a session, and all but My account an admin's.
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { ErrorBanner } from './components/error-banner';
import { Layout } from './components/layout';
import { Loading } from './components/loading';
import { ApiKeysPage } from './pages/api-keys-page';
import { DashboardPage } from './pages/dashboard-page';
import { LoginPage } from './pages/login-page';
import { MyAccountPage } from './pages/my-account-page';
import { NotFoundPage } from './pages/not-found-page';
import { ProvisioningLogEntryPage } from './pages/provisioning-log-entry-page';
import { ProvisioningLogPage } from './pages/provisioning-log-page';
import { ScimSettingsPage } from './pages/scim-settings-page';
import { SetupPage } from './pages/setup-page';
import { SsoSettingsPage } from './pages/sso-settings-page';
import { TeamDetailPage } from './pages/team-detail-page';
import { TeamsPage } from './pages/teams-page';
import { UserDetailPage } from './pages/user-detail-page';
import { UsersPage } from './pages/users-page';
import { WebhookDetailPage } from './pages/webhook-detail-page';
import { WebhooksPage } from './pages/webhooks-page';
import { isSignedOut, SessionProvider, useSession, useSessionQuery } from './session/session-context';

function RequireSession() {
  const sessionQuery = useSessionQuery();
  const location = useLocation();
  if (sessionQuery.data !== undefined) {
    return (
      <SessionProvider session={sessionQuery.data}>
        <Layout />
      </SessionProvider>
    );
  }
  if (sessionQuery.isPending) return <Loading />;
  if (isSignedOut(sessionQuery.error)) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <main className="content narrow">
      <ErrorBanner error={sessionQuery.error} title="The console cannot reach Muster" />
    </main>
  );
}

/** A member (SSO sign-in without an admin group) has their own account only: the admin API would answer 403. */
function RequireAdmin() {
  const { session } = useSession();
  return session.role === 'admin' ? <Outlet /> : <Navigate to="/me" replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route element={<RequireSession />}>
        <Route path="me" element={<MyAccountPage />} />
        <Route element={<RequireAdmin />}>
          <Route index element={<DashboardPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="users/:id" element={<UserDetailPage />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="teams/:id" element={<TeamDetailPage />} />
          <Route path="api-keys" element={<ApiKeysPage />} />
          <Route path="provisioning-log" element={<ProvisioningLogPage />} />
          <Route path="provisioning-log/:id" element={<ProvisioningLogEntryPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="webhooks/:id" element={<WebhookDetailPage />} />
          <Route path="settings" element={<Navigate to="/settings/admin/scim" replace />} />
          <Route path="settings/admin" element={<Navigate to="/settings/admin/scim" replace />} />
          <Route path="settings/admin/scim" element={<ScimSettingsPage />} />
          <Route path="settings/admin/scim/guides/:idp" element={<ScimSettingsPage />} />
          <Route path="settings/admin/sso" element={<SsoSettingsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
