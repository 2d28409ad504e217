// Event-type checkboxes for a webhook endpoint. None checked means every type, including ones added later.
import type { WebhookEventType } from './webhook-event-types';
import { WEBHOOK_EVENT_GROUPS } from './webhook-event-types';

export function WebhookEventTypesField({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: readonly WebhookEventType[];
  onChange: (next: WebhookEventType[]) => void;
}) {
  const toggle = (type: WebhookEventType, checked: boolean) => {
    const others = value.filter((existing) => existing !== type);
    onChange(checked ? [...others, type] : others);
  };
  return (
    <fieldset className="field event-types" aria-describedby={`${idPrefix}-events-hint`}>
      <legend>Event types</legend>
      <p className="hint" id={`${idPrefix}-events-hint`}>
        {value.length === 0
          ? 'None checked: the endpoint receives every event type, including types added later.'
          : `${value.length} selected: the endpoint receives only these.`}
      </p>
      <div className="event-type-groups">
        {WEBHOOK_EVENT_GROUPS.map((group) => (
          <div key={group.label} className="event-type-group" role="group" aria-label={group.label}>
            <p className="event-type-group-label">{group.label}</p>
            {group.types.map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  checked={value.includes(type)}
                  onChange={(event) => {
                    toggle(type, event.target.checked);
                  }}
                />
                <span className="mono">{type}</span>
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
