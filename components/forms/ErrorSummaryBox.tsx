'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The error summary's container, focused whenever a new server answer brings errors. Without JavaScript
 * the page is a fresh document and the browser honours `autoFocus`; with JavaScript a rejected form is a
 * client re-render of the same page, where `autoFocus` does nothing (React only focuses form controls, and
 * only when it creates them), focus stays on `<body>` and Next's route announcer reads the page title, so
 * TalkBack and NVDA users heard the question again. Each answer from the server arrives as a new `errors`
 * array, even when the same mistake is made twice, so the effect runs once per rejection — and not when
 * anything else re-renders, such as following an error's link to its field.
 */
export function ErrorSummaryBox({ errors, children }: { errors: readonly unknown[]; children: ReactNode }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    summary.current?.focus();
  }, [errors]);
  return (
    <div
      ref={summary}
      className="mb-6 border-4 border-red-700 p-4 focus:outline-4"
      role="group"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autoFocus
    >
      {children}
    </div>
  );
}
