// A secret (SCIM token, API key, webhook signing secret) shown the one time the server returns it.
import { CopyButton } from './copy-button';

export function SecretOnce({
  label,
  value,
  onDone,
  storedAs = 'hash',
}: {
  label: string;
  value: string;
  onDone?: () => void;
  /** Tokens and keys are kept as a hash; webhook signing secrets are kept readable, since deliveries are signed with them. */
  storedAs?: 'hash' | 'signing-secret';
}) {
  return (
    <div className="banner banner-success secret-once" role="status">
      <strong>{label}</strong>
      <p>
        Copy it now: you will not see it again.{' '}
        {storedAs === 'hash'
          ? 'Muster keeps only a hash of it.'
          : 'Muster keeps it to sign deliveries and never shows it again.'}
      </p>
      <div className="copy-field">
        <input
          aria-label={label}
          readOnly
          value={value}
          className="mono"
          data-testid="secret-value"
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <CopyButton value={value} />
      </div>
      {onDone !== undefined && (
        <button type="button" className="button button-secondary" onClick={onDone}>
          Done
        </button>
      )}
    </div>
  );
}
