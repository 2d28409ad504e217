// A destructive action behind a confirmation dialog (native <dialog>: focus is trapped and Escape cancels).
import { useId, useRef, useState, type ReactNode } from 'react';

export function ConfirmButton({
  label,
  ariaLabel,
  title,
  children,
  confirmLabel,
  onConfirm,
  disabled = false,
  tone = 'danger',
}: {
  label: string;
  /** The trigger's accessible name where `label` alone is ambiguous, e.g. one "Revoke" per table row. */
  ariaLabel?: string;
  title: string;
  children?: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown>;
  disabled?: boolean;
  tone?: 'danger' | 'primary';
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // One id per instance: several buttons with the same label (a table's rows) must not share a dialog title id.
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  };
  return (
    <>
      <button
        type="button"
        className={`button button-${tone === 'danger' ? 'danger-outline' : 'secondary'}`}
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children !== undefined && <div className="dialog-body">{children}</div>}
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className={`button button-${tone}`}
            disabled={busy}
            onClick={() => void confirm()}
          >
            {confirmLabel ?? label}
          </button>
        </div>
      </dialog>
    </>
  );
}
