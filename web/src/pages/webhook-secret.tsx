// Rotating an endpoint's signing secret: the new one is shown once; the previous one keeps signing for 24 hours, so a
// receiver can switch over without dropping deliveries.
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { api, type ResponseOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { SecretOnce } from '../components/secret-once';
import { formatDateTime } from '../components/time-text';

type Endpoint = ResponseOf<'/webhooks/{id}', 'get'>;

export function WebhookSecret({ endpoint }: { endpoint: Endpoint }) {
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useApiMutation(
    () =>
      unwrap(api.POST('/webhooks/{id}/rotate-secret', { params: { path: { id: endpoint.id } }, body: {} })),
    [['webhooks', 'endpoint', endpoint.id]],
  );
  const previousExpires = endpoint.previousSecretExpiresAt;
  const graceActive = previousExpires !== null && new Date(previousExpires).getTime() > Date.now();

  return (
    <section className="card" aria-labelledby="webhook-secret-title">
      <div className="card-header">
        <h2 id="webhook-secret-title">Signing secret</h2>
        <ConfirmButton
          label="Rotate secret"
          title="Rotate the signing secret?"
          confirmLabel="Rotate"
          tone="primary"
          onConfirm={async () => {
            const rotated = await rotate.mutateAsync(undefined).catch(() => null);
            if (rotated !== null) setSecret(rotated.secret);
          }}
        >
          <p>
            Muster creates a new secret and shows it once. For 24 hours deliveries carry signatures with both
            secrets, so update your receiver within that time.
          </p>
        </ConfirmButton>
      </div>
      <ErrorBanner error={rotate.error} title="The secret could not be rotated" />
      {secret !== null && (
        <SecretOnce
          storedAs="signing-secret"
          label="New signing secret"
          value={secret}
          onDone={() => {
            setSecret(null);
          }}
        />
      )}
      <p className="muted">
        {graceActive
          ? `Rotated recently: the previous secret also signs deliveries until ${formatDateTime(previousExpires)}.`
          : 'The secret was shown when the endpoint was created. Lost it? Rotate it and store the new one.'}
      </p>
    </section>
  );
}
