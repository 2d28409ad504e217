// The frame of the pages shown before sign-in.
import { useEffect, type ReactNode } from 'react';

export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Muster`;
  }, [title]);
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand auth-brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          Muster
        </div>
        <h1>{title}</h1>
        {intro !== undefined && <div className="muted">{intro}</div>}
        {children}
      </div>
    </main>
  );
}
