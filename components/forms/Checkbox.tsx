import type { ReactNode } from 'react';
import { FieldError } from './ErrorSummary';

/** A single required checkbox (consent, declaration) with its error wired by `aria-describedby`. */
export function RequiredCheckbox({
  name,
  label,
  error,
}: {
  name: string;
  label: ReactNode;
  error?: ReactNode;
}) {
  const errorId = `${name}-error`;
  return (
    <div className={error ? 'border-l-4 border-red-700 pl-3' : ''}>
      {error && <FieldError id={errorId}>{error}</FieldError>}
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={name}
          name={name}
          value="yes"
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          className="mt-1 size-8 shrink-0 accent-brand"
        />
        <label htmlFor={name} className="text-lg">
          {label}
        </label>
      </div>
    </div>
  );
}
