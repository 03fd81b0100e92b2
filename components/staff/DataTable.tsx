import type { ReactNode } from 'react';

/**
 * A staff list as a table: column headers, then the rows the caller renders. Wider than a phone, it
 * scrolls inside a region named by its heading, which a keyboard can reach (axe: scrollable-region-focusable).
 */
export function DataTable({
  labelledBy,
  columns,
  children,
}: {
  labelledBy: string;
  columns: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="mt-3 overflow-x-auto" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="w-full border-collapse text-left" aria-labelledby={labelledBy}>
        <thead>
          <tr className="border-b-2 border-slate-900">
            {columns.map((column, i) => (
              <th key={i} scope="col" className="py-2 pr-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
