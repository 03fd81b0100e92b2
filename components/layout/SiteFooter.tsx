import { Phone } from 'lucide';
import { Icon } from '@/components/ui/Icon';
import { province } from '@/catalogue/province';
import type { Locale } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { localePath, paths } from '@/lib/paths';

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = getT(locale, 'layout');
  return (
    <footer className="mt-12 border-t-4 border-brand bg-slate-100">
      <div className="mx-auto max-w-3xl px-4 py-6">
        <h2 className="text-lg">{t('footerHelp')}</h2>
        <p className="mt-2">{t('footerHelpBody')}</p>
        <p className="mt-3 flex items-center gap-2 text-lg font-bold">
          <Icon node={Phone} className="size-5" />
          <a href={`tel:${province.helpline.value}`}>
            {t('footerHelpline', { number: province.helpline.value })}
          </a>
        </p>
        <p className="mt-3">{t('footerOffices')}</p>
        <ul className="mt-1 list-disc pl-6">
          {province.communes.map((c) => (
            <li key={c.id}>{c.name}</li>
          ))}
        </ul>
        <p className="mt-4">
          <a href={localePath(locale, paths.languages())}>{t('footerLanguages')}</a>
        </p>
        <p className="mt-4 text-sm text-sample">{t('footerSample')}</p>
      </div>
    </footer>
  );
}
