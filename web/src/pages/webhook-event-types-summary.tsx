// Which events an endpoint receives, in a table cell: "All events" or the types, one per line.
export function WebhookEventTypesSummary({ eventTypes }: { eventTypes: readonly string[] }) {
  if (eventTypes.length === 0) return <span>All events</span>;
  return (
    <ul className="plain-list">
      {eventTypes.map((type) => (
        <li key={type} className="mono small">
          {type}
        </li>
      ))}
    </ul>
  );
}
