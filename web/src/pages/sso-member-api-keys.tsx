// Whether members (people signed in through SSO without an admin group) may create their own API keys.
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { Switch } from '../components/switch';

export function SsoMemberApiKeys({ allowed }: { allowed: boolean }) {
  const update = useApiMutation(
    (next: boolean) => unwrap(api.PUT('/sso/member-api-keys', { body: { allowed: next } })),
    [['sso']],
  );
  // While saving, the switch shows the value asked for.
  const checked = update.isPending ? update.variables : allowed;
  return (
    <section className="card" aria-labelledby="sso-member-keys-title">
      <div className="card-header">
        <h2 id="sso-member-keys-title">Member self-service</h2>
      </div>
      <ErrorBanner error={update.error} title="The setting was not saved" />
      <Switch
        id="sso-member-api-keys"
        label="Members may create their own API keys"
        checked={checked}
        disabled={update.isPending}
        onChange={(next) => {
          update.mutate(next);
        }}
        hint="On their My account page, each key bound to one of their teams. A member can always revoke their own keys."
      />
    </section>
  );
}
