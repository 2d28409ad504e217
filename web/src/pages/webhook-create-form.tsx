// "Add endpoint": URL, description and event types. The answer carries the signing secret, which the page shows once.
import { useState, type SubmitEvent } from 'react';
import { unwrap } from '../api/api-error';
import { api, type RequestOf, type ResponseOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import type { WebhookEventType } from './webhook-event-types';
import { WebhookEventTypesField } from './webhook-event-types-field';

export type CreatedWebhook = ResponseOf<'/webhooks', 'post'>;

export function WebhookCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedWebhook) => void;
  onCancel: () => void;
}) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const create = useApiMutation(
    (body: RequestOf<'/webhooks', 'post'>) => unwrap(api.POST('/webhooks', { body })),
    [['webhooks', 'list']],
  );
  const insecure = url.trim().toLowerCase().startsWith('http://');

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), description: description.trim(), eventTypes },
      {
        onSuccess: (created) => {
          onCreated(created);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="add-endpoint-title">
      <h2 id="add-endpoint-title">Add endpoint</h2>
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={create.error} title="The endpoint could not be added" />
        <div className="field">
          <label htmlFor="webhook-url">URL</label>
          <input
            id="webhook-url"
            type="url"
            required
            className="mono"
            placeholder="https://hooks.example.com/muster"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
            }}
            aria-describedby="webhook-url-hint"
          />
          <p className="hint" id="webhook-url-hint">
            {insecure
              ? 'http:// sends identity data unencrypted: use it only for development or a private network.'
              : 'Muster POSTs each event here, signed per Standard Webhooks. Use https:// in production.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor="webhook-description">Description (optional)</label>
          <input
            id="webhook-description"
            maxLength={500}
            value={description}
            onChange={(event) => {
              setDescription(event.target.value);
            }}
            placeholder="What receives these events"
          />
        </div>
        <WebhookEventTypesField idPrefix="create" value={eventTypes} onChange={setEventTypes} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add endpoint'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
