import type { ReactNode } from 'react';

export interface Crumb {
  readonly href: string;
  readonly label: ReactNode;
}

/** Breadcrumbs up to, not including, the current page (GOV.UK pattern: the `<h1>` names the page). */
export function Breadcrumbs({ crumbs, label }: { crumbs: readonly Crumb[]; label: string }) {
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label={label} className="no-print mx-auto w-full max-w-3xl px-4 pt-3 text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((crumb, index) => (
          <li key={crumb.href} className="flex items-center gap-1">
            {index > 0 && <span aria-hidden="true">›</span>}
            <a href={crumb.href} className="inline-block py-1">
              {crumb.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
