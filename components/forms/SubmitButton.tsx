import type { ReactNode } from 'react';

/** The one green "go on" button of a form page (GOV.UK start/continue button). */
export function SubmitButton({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <button
      type="submit"
      className={`inline-flex min-h-12 items-center rounded bg-green-800 px-5 text-lg font-bold text-white hover:bg-green-900 ${className}`}
    >
      {children}
    </button>
  );
}
