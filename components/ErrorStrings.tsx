'use client';

import { createContext, use, type ReactNode } from 'react';

/**
 * The strings of the error boundary (app/[locale]/error.tsx), translated on the server by the locale
 * layout. An error boundary must be a client component and receives no props from the server, so they
 * arrive through this context: seven strings, rather than an i18n library's client runtime (~13 KB of
 * JavaScript on every page) for one page that is rarely shown. A Vietnamese fallback arrives already
 * wrapped in `<span lang="vi">`.
 */
export interface ErrorStrings {
  readonly locale: string;
  readonly title: ReactNode;
  readonly body: ReactNode;
  readonly retry: ReactNode;
  readonly home: ReactNode;
  readonly staleTitle: ReactNode;
  readonly staleBody: ReactNode;
  readonly staleContinue: ReactNode;
}

const ErrorStringsContext = createContext<ErrorStrings | null>(null);

export function ErrorStringsProvider({ strings, children }: { strings: ErrorStrings; children: ReactNode }) {
  return <ErrorStringsContext value={strings}>{children}</ErrorStringsContext>;
}

export function useErrorStrings(): ErrorStrings {
  const strings = use(ErrorStringsContext);
  if (!strings) throw new Error('useErrorStrings needs ErrorStringsProvider (app/[locale]/layout.tsx)');
  return strings;
}
