// An API error as the admin sees it: what failed, why, and the request id to find it in the server log.
import { ApiError } from '../api/api-error';

export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const apiError = error instanceof ApiError ? error : null;
  const heading = title ?? apiError?.title ?? 'Something went wrong';
  const detail =
    apiError?.detail ?? (error instanceof Error ? error.message : 'An unexpected error occurred');
  return (
    <div className="banner banner-error" role="alert">
      <strong>{heading}</strong>
      {/* A validation problem's detail repeats its field errors, listed below. */}
      {detail !== '' && detail !== heading && (apiError?.fieldErrors.length ?? 0) === 0 && <p>{detail}</p>}
      {apiError !== null && apiError.fieldErrors.length > 0 && (
        <ul>
          {apiError.fieldErrors.map((field, index) => (
            <li key={index}>
              {field.pointer !== undefined && <code>{field.pointer.replace(/^#\//, '')}</code>} {field.detail}
            </li>
          ))}
        </ul>
      )}
      {apiError?.requestId != null && (
        <p className="muted small">
          {apiError.status > 0 && `HTTP ${apiError.status} · `}request id <code>{apiError.requestId}</code>
        </p>
      )}
    </div>
  );
}
