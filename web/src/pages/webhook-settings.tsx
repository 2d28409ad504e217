// An endpoint's settings: enable or disable it, and change its URL, description and event types (PATCH).
import { useState, type SubmitEvent } from 'react';
import { unwrap } from '../api/api-error';
import { api, type RequestOf, type ResponseOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { TimeText } from '../components/time-text';
import { isWebhookEventType, type WebhookEventType } from './webhook-event-types';
import { WebhookEventTypesField } from './webhook-event-types-field';
import { WebhookStatusBadge } from './webhook-status-badge';

type Endpoint = ResponseOf<'/webhooks/{id}', 'get'>;

export function WebhookSettings({ endpoint }: { endpoint: Endpoint }) {
  const [url, setUrl] = useState(endpoint.url);
  const [description, setDescription] = useState(endpoint.description);
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>(
    endpoint.eventTypes.filter(isWebhookEventType),
  );
  const [saved, setSaved] = useState(false);
  const update = useApiMutation(
    (body: RequestOf<'/webhooks/{id}', 'patch'>) =>
      unwrap(api.PATCH('/webhooks/{id}', { params: { path: { id: endpoint.id } }, body })),
    [
      ['webhooks', 'list'],
      ['webhooks', 'endpoint', endpoint.id],
    ],
  );
  const disabled = endpoint.status === 'disabled';

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { url: url.trim(), description: description.trim(), eventTypes },
      {
        onSuccess: () => {
          setSaved(true);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="webhook-settings-title">
      <div className="card-header">
        <h2 id="webhook-settings-title">Settings</h2>
        <button
          type="button"
          className={`button ${disabled ? 'button-primary' : 'button-secondary'}`}
          disabled={update.isPending}
          onClick={() => {
            setSaved(false);
            update.mutate({ enabled: disabled });
          }}
        >
          {disabled ? 'Enable endpoint' : 'Disable endpoint'}
        </button>
      </div>
      <ErrorBanner error={update.error} title="The endpoint could not be changed" />
      <dl className="definition-list webhook-health">
        <dt>Status</dt>
        <dd>
          <WebhookStatusBadge status={endpoint.status} />{' '}
          <span className="muted small">
            {endpoint.status === 'disabled'
              ? 'No deliveries are sent; pending ones wait. Enabling resumes them and adds new events.'
              : endpoint.status === 'failing'
                ? `${endpoint.consecutiveFailures} failed attempts in a row; deliveries go on and the next success makes it active again.`
                : 'Receiving deliveries.'}
          </span>
        </dd>
        {endpoint.failingSince !== null && (
          <>
            <dt>Failing since</dt>
            <dd>
              <TimeText value={endpoint.failingSince} />
            </dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <TimeText value={endpoint.createdAt} />
        </dd>
      </dl>
      <form className="form webhook-settings-form" onSubmit={save}>
        <div className="field">
          <label htmlFor="settings-url">URL</label>
          <input
            id="settings-url"
            type="url"
            required
            className="mono"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="settings-description">Description</label>
          <input
            id="settings-description"
            maxLength={500}
            value={description}
            onChange={(event) => {
              setDescription(event.target.value);
            }}
          />
        </div>
        <WebhookEventTypesField idPrefix="settings" value={eventTypes} onChange={setEventTypes} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
          {saved && (
            <span className="muted" role="status">
              Saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
