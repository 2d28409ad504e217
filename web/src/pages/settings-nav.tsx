// Settings › Admin Settings has one page per way an identity provider connects: SCIM (provisioning) and SSO (sign-in).
import { NavLink } from 'react-router';

export function SettingsNav() {
  return (
    <nav className="tabs" aria-label="Settings">
      <NavLink to="/settings/admin/scim">SCIM</NavLink>
      <NavLink to="/settings/admin/sso">SSO</NavLink>
    </nav>
  );
}
