// Cursor paging as the admin API does it (nextCursor, null on the last page): a stack of the cursors seen so far.
import { useState } from 'react';

export function useCursorPager() {
  const [stack, setStack] = useState<readonly (string | undefined)[]>([undefined]);
  const cursor = stack.at(-1);
  return {
    cursor,
    page: stack.length,
    next: (nextCursor: string) => {
      setStack((previous) => [...previous, nextCursor]);
    },
    previous: () => {
      setStack((previous) => (previous.length > 1 ? previous.slice(0, -1) : previous));
    },
    reset: () => {
      setStack([undefined]);
    },
  };
}

export function Pager({
  pager,
  nextCursor,
}: {
  pager: ReturnType<typeof useCursorPager>;
  nextCursor: string | null | undefined;
}) {
  if (pager.page === 1 && (nextCursor === null || nextCursor === undefined)) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button button-secondary"
        disabled={pager.page === 1}
        onClick={pager.previous}
      >
        Previous
      </button>
      <span className="muted">Page {pager.page}</span>
      <button
        type="button"
        className="button button-secondary"
        disabled={nextCursor === null || nextCursor === undefined}
        onClick={() => {
          if (nextCursor !== null && nextCursor !== undefined) pager.next(nextCursor);
        }}
      >
        Next
      </button>
    </nav>
  );
}
