'use client';

import { unstable_isUnrecognizedActionError as isUnrecognizedActionError } from 'next/navigation';
import { useErrorStrings } from '@/components/ErrorStrings';

// Client component (Next.js requires it for error boundaries): its strings, translated on the server, arrive
// through ErrorStringsProvider (components/ErrorStrings.tsx), so no page ships an i18n runtime.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useErrorStrings();
  const { locale } = t;
  // A page rendered before a redeploy, submitted with JavaScript, names an action this build lacks. Without
  // JavaScript the proxy handles the same case (app/[locale]/form-expired).
  if (isUnrecognizedActionError(error)) {
    return (
      <main id="main-content" className="mx-auto w-full max-w-3xl flex-1 px-4 pt-8">
        <h1 className="text-3xl">{t.staleTitle}</h1>
        <p className="mt-3 text-lg">{t.staleBody}</p>
        <p className="mt-6">
          {/* A full load fetches this build's page, whose form names this build's actions. */}
          <a
            href={typeof window === 'undefined' ? `/${locale}` : window.location.href}
            className="inline-flex min-h-12 items-center rounded bg-brand px-5 text-lg font-bold text-white no-underline hover:bg-brand-dark"
          >
            {t.staleContinue}
          </a>
        </p>
      </main>
    );
  }
  return (
    <main id="main-content" className="mx-auto w-full max-w-3xl flex-1 px-4 pt-8">
      <h1 className="text-3xl">{t.title}</h1>
      <p className="mt-3 text-lg">{t.body}</p>
      <div className="mt-6 flex flex-wrap gap-4">
        <button
          type="button"
          onClick={reset}
          className="min-h-12 rounded bg-brand px-5 text-lg font-bold text-white hover:bg-brand-dark"
        >
          {t.retry}
        </button>
        <a href={`/${locale}`} className="inline-flex min-h-12 items-center text-lg font-bold">
          {t.home}
        </a>
      </div>
    </main>
  );
}
