import { province } from '@/catalogue/province';
import { localeInfo, type Locale } from '@/i18n/locales';
import { localePath } from '@/lib/paths';

/**
 * Plain links, one per language, each name written in its own language and marked with `lang` (so a
 * screen reader pronounces "Lus Hmoob" as Hmong rather than Vietnamese) and `hrefLang`. The link keeps
 * the reader on the same page, so switching never loses their place; it works without JavaScript.
 */
export function LanguageSwitcher({ locale, path, label }: { locale: Locale; path: string; label: string }) {
  return (
    <nav aria-label={label} className="no-print">
      <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm">
        {province.languages.map((l) => (
          <li key={l}>
            <a
              href={localePath(l, path)}
              lang={l}
              hrefLang={l}
              aria-current={l === locale ? 'true' : undefined}
              className="inline-block min-h-6 rounded px-2 py-1 text-white aria-[current]:bg-white aria-[current]:font-bold aria-[current]:text-brand-dark"
            >
              {localeInfo[l].autonym}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
