import type { ReactNode } from 'react';

/** A row of labelled filters that wraps on narrow screens. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="filter-bar no-print">
      {children}
    </div>
  );
}
