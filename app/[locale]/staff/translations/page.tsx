import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { localeInfo, locales } from '@/i18n/locales';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { isTranslatedLanguage } from '@/lib/content/translations';
import { localePath, paths } from '@/lib/paths';
import { languagesWhere } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots } from '../staffRequest';

type Props = PageProps<'/[locale]/staff/translations'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'staff.translations').text('title'), robots: staffRobots };
}

/** The languages this translator may translate into (their grants), each opening its sections. */
export default async function TranslationsPage({ params }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  const languages = languagesWhere(staff.grants, 'content:translate', locales.filter(isTranslatedLanguage));
  const t = getT(locale, 'staff.translations');
  return (
    <PageShell
      locale={locale}
      path={paths.staffTranslations()}
      crumbs={[]}
      messageKeys={['staff.translations']}
    >
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>
      {languages.length === 0 ? (
        <p className="mt-6 font-bold">{t('none')}</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {languages.map((language) => (
            <li key={language}>
              <a href={localePath(locale, paths.staffTranslation(language))} className="text-lg font-bold">
                {t.rich('languageTitle', {
                  language: (
                    <span key="language" lang={language}>
                      {localeInfo[language].autonym}
                    </span>
                  ),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </PageShell>
  );
}
