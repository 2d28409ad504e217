// What an empty page says: what belongs here and what to do next.
import type { ReactNode } from 'react';

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <h3>{title}</h3>
      {children !== undefined && <div className="muted">{children}</div>}
      {action !== undefined && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
