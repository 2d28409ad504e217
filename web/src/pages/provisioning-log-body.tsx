// A stored request or response body. The server stores them redacted ("[redacted]") and cut at 64 KiB: JSON is shown
// pretty-printed, a cut body (no longer JSON) as the text it is, and a successful read's response as why it is missing.

/** The server's stand-in for the response body of a successful GET (src/domain/to-provisioning-log-entry.ts). */
const READ_BODY_NOT_KEPT = '[not kept: response body of a successful read]';
const TRUNCATED = /…\[truncated: (\d+) bytes\]$/;

type Shown =
  | { readonly kind: 'none' }
  | { readonly kind: 'not-kept' }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string; readonly totalBytes: number | null };

function toShown(body: string | null): Shown {
  if (body === null || body === '') return { kind: 'none' };
  if (body === READ_BODY_NOT_KEPT) return { kind: 'not-kept' };
  try {
    return { kind: 'json', text: JSON.stringify(JSON.parse(body) as unknown, null, 2) };
  } catch {
    const match = TRUNCATED.exec(body);
    return { kind: 'text', text: body, totalBytes: match?.[1] === undefined ? null : Number(match[1]) };
  }
}

export function ProvisioningLogBody({ title, body }: { title: string; body: string | null }) {
  const shown = toShown(body);
  const id = `body-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="card log-body" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shown.kind === 'none' && <p className="muted">No body.</p>}
      {shown.kind === 'not-kept' && (
        <p className="muted">
          Not kept: Muster does not store the response of a successful read (GET), which would only repeat
          data it already holds.
        </p>
      )}
      {shown.kind === 'json' && (
        <pre tabIndex={0} aria-label={title}>
          {shown.text}
        </pre>
      )}
      {shown.kind === 'text' && (
        <>
          <p className="muted small">
            {shown.totalBytes === null
              ? 'Shown as received: this body is not JSON.'
              : `Cut to its first 64 KiB of ${shown.totalBytes.toLocaleString('en')} bytes, so it is shown as text.`}
          </p>
          <pre tabIndex={0} aria-label={title}>
            {shown.text}
          </pre>
        </>
      )}
    </section>
  );
}
