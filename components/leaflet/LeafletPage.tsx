import type { GuideRef } from '@/catalogue';
import { guidePath } from '@/catalogue/shortLinks';
import { PageShell } from '@/components/layout/PageShell';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';
import { Leaflet } from './Leaflet';

/**
 * The leaflet route's page, shared by procedures and life events: on screen, how to print it and a form to
 * make a copy whose QR code records where it will hang; on paper, only the leaflet.
 */
export function LeafletPage({
  guide,
  locale,
  source,
  guideTitle,
  messageKeys,
}: {
  guide: GuideRef;
  locale: Locale;
  source: string | undefined;
  guideTitle: string;
  messageKeys: readonly string[];
}) {
  const t = getT(locale, 'leaflet');
  const leafletPath = paths.leaflet(guide);
  return (
    <PageShell
      locale={locale}
      path={paths.leaflet(guide, source)}
      crumbs={[{ href: localePath(locale, guidePath(guide)), label: guideTitle }]}
      messageKeys={['leaflet', 'procedure', 'lifeEvent', ...messageKeys]}
    >
      {/* The leaflet's h1 first: the print box's h2 belongs after it (WCAG 1.3.1, heading order). */}
      <Leaflet guide={guide} locale={locale} source={source} />
      <section aria-labelledby="print-heading" className="no-print mt-6 rounded-lg bg-slate-100 p-4">
        <h2 id="print-heading" className="text-xl">
          {t('printHeading')}
        </h2>
        <p className="mt-1">{t('printHelp')}</p>
        {/* A GET form: the proxy turns ?source= into the /leaflet/<source> path (proxy.ts). */}
        <form method="get" action={localePath(locale, leafletPath)} className="mt-3">
          <label htmlFor="source" className="block font-bold">
            {t('sourceLabel')}
          </label>
          <p id="source-hint" className="text-sm">
            {t('sourceHint')}
          </p>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="source"
              name="source"
              type="text"
              defaultValue={source}
              maxLength={60}
              autoComplete="off"
              aria-describedby="source-hint"
              className="min-h-11 w-72 max-w-full rounded border-2 border-slate-900 px-2"
            />
            <button type="submit" className="min-h-11 rounded bg-brand px-4 font-bold text-white">
              {t('sourceButton')}
            </button>
          </div>
        </form>
        <p className="mt-3">
          <a href={localePath(locale, guidePath(guide))}>{t('backToGuide')}</a>
        </p>
      </section>
    </PageShell>
  );
}
