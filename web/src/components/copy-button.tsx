// Copies a value to the clipboard and says so; where the Clipboard API is refused, selects the text instead.
import { useState } from 'react';

export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => {
      setState('idle');
    }, 2000);
  };
  return (
    <button type="button" className="button button-secondary" onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Press Ctrl+C to copy' : label}
    </button>
  );
}

/** A read-only value with a copy button, e.g. the tenant URL. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
          className="mono"
        />
        <CopyButton value={value} label={`Copy`} />
      </div>
    </div>
  );
}
