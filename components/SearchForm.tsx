import { Search } from 'lucide';
import { Icon } from '@/components/ui/Icon';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';

/** A GET form: works without JavaScript, and the results page is bookmarkable and shareable. */
export function SearchForm({
  locale,
  query = '',
  id = 'search-q',
}: {
  locale: Locale;
  query?: string;
  id?: string;
}) {
  const t = getT(locale, 'search');
  return (
    <form role="search" action={localePath(locale, paths.search())} method="get" className="mt-2">
      <label htmlFor={id} className="block text-lg font-bold">
        {t('label')}
      </label>
      <p id={`${id}-hint`} className="text-slate-700">
        {t('hint')}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={query}
          maxLength={200}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          className="min-h-12 min-w-0 flex-1 basis-48 rounded border-2 border-slate-900 px-3 text-lg"
        />
        <button
          type="submit"
          className="inline-flex min-h-12 items-center gap-2 rounded bg-brand px-5 text-lg font-bold text-white hover:bg-brand-dark"
        >
          <Icon node={Search} className="size-5" />
          {t('button')}
        </button>
      </div>
    </form>
  );
}
