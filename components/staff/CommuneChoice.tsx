import type { ReactNode } from 'react';
import { communeName } from '@/catalogue/province';

/**
 * The commune a staff form acts for, as field `commune`: a hidden field when the staff member works in one
 * commune, a labelled select otherwise. Either way the action checks it on the server (it is user input).
 */
export function CommuneChoice({
  communes,
  label,
  className,
}: {
  communes: readonly string[];
  label: ReactNode;
  className?: string;
}) {
  if (communes.length === 1) return <input type="hidden" name="commune" value={communes[0]} />;
  return (
    <div className={className}>
      <label htmlFor="commune" className="block text-lg font-bold">
        {label}
      </label>
      <select
        id="commune"
        name="commune"
        className="mt-1 min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-2 text-lg"
      >
        {communes.map((id) => (
          <option key={id} value={id}>
            {communeName(id)}
          </option>
        ))}
      </select>
    </div>
  );
}
