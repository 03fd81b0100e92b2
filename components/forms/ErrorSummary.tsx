import type { ReactNode } from 'react';
import { ErrorSummaryBox } from './ErrorSummaryBox';

export interface SummaryError {
  readonly field: string;
  readonly message: ReactNode;
}

/**
 * GOV.UK error summary: at the top of `main`, every error linked to its field. It takes focus on load
 * (`autoFocus`, which browsers honour without JavaScript) and on every rejection with JavaScript
 * (ErrorSummaryBox) so screen readers announce it at once; the container itself is not role="alert",
 * which made NVDA read the whole summary twice. See docs/adr/0021.
 */
export function ErrorSummary({ title, errors }: { title: ReactNode; errors: readonly SummaryError[] }) {
  if (errors.length === 0) return null;
  return (
    <ErrorSummaryBox errors={errors.map((error) => error.field)}>
      <h2 id="error-summary-title" className="text-xl">
        {title}
      </h2>
      <ul className="mt-2 space-y-1">
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`} className="font-bold text-red-800">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </ErrorSummaryBox>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="font-bold text-red-800">
      {children}
    </p>
  );
}
