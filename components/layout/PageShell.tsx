import type { ReactNode } from 'react';
import { province } from '@/catalogue/province';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { localePath } from '@/lib/paths';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SiteFooter } from './SiteFooter';
import { TranslationNotice } from './TranslationNotice';

interface PageShellProps {
  readonly locale: Locale;
  /** This page's path without the locale prefix, so the language switcher can keep the reader here. */
  readonly path: string;
  /** Ancestors after "Home"; leave out on the home page itself, which has no breadcrumbs. */
  readonly crumbs?: readonly Crumb[];
  /** Message prefixes this page renders, for the draft/fallback notice. */
  readonly messageKeys: readonly string[];
  readonly children: ReactNode;
}

/**
 * Skip link, header, breadcrumbs and footer around every page. Rendered by each page rather than by the
 * layout because only the page knows its own path, which the language switcher needs without JavaScript.
 */
export function PageShell({ locale, path, crumbs, messageKeys, children }: PageShellProps) {
  const t = getT(locale, 'layout');
  return (
    <>
      <a
        href="#main-content"
        className="sr-only z-50 bg-focus p-3 font-bold text-black focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        {t('skipLink')}
      </a>
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p>
            <a href={localePath(locale)} className="inline-block py-1 text-white no-underline">
              <span className="block text-2xl font-bold">{t('portalName')}</span>
              <span className="block text-sm">{t('tagline', { province: province.name })}</span>
            </a>
          </p>
          <LanguageSwitcher locale={locale} path={path} label={t.text('languageSwitcher')} />
        </div>
      </header>
      <Breadcrumbs
        label={t.text('breadcrumbs')}
        crumbs={crumbs ? [{ href: localePath(locale), label: t('home') }, ...crumbs] : []}
      />
      <TranslationNotice locale={locale} keys={messageKeys} />
      <main
        id="main-content"
        tabIndex={-1}
        className="mx-auto w-full max-w-3xl flex-1 px-4 pt-4 outline-none"
      >
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
