import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { procedures } from '@/catalogue';
import { PageShell } from '@/components/layout/PageShell';
import { DataTable } from '@/components/staff/DataTable';
import { FactValue } from '@/components/staff/FactValue';
import { SampleLabel } from '@/components/ui/SampleLabel';
import { awaitingReviewCount, keysInReview, publishedContent } from '@/db/queries/content';
import { database } from '@/db/prepare';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { FACT_KIND, factFields, factKey, withPublishedFacts } from '@/lib/content/facts';
import { localePath, paths } from '@/lib/paths';
import { allows } from '@/lib/staff/roles';
import { signedInStaff } from '@/lib/staff/session';
import { staffRobots } from '../staffRequest';

type Props = PageProps<'/[locale]/staff/content'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  return { title: getT(locale, 'staff.content').text('title'), robots: staffRobots };
}

/**
 * The province's procedure facts (issue 15): for each procedure, every fact as the guide shows it now
 * (sample, or checked with its source), which of them await review, and a link to change one. Read
 * straight from the database, not the public pages' cache: editors see what is published the moment it is.
 */
export default async function ContentPage({ params }: Props) {
  const locale = await localeFrom(params);
  const staff = await signedInStaff(locale);
  const canEdit = allows(staff.grants, 'content:edit');
  const canReview = allows(staff.grants, 'content:review');
  if (!canEdit && !canReview) redirect(localePath(locale, paths.staffForbidden()));
  const db = await database();
  const [published, inReview, waiting] = await Promise.all([
    publishedContent(db, FACT_KIND),
    keysInReview(db, FACT_KIND),
    awaitingReviewCount(db),
  ]);
  const t = getT(locale, 'staff.content');
  const texts = getT(locale, 'catalogue.procedures');
  return (
    <PageShell
      locale={locale}
      path={paths.staffContent()}
      crumbs={[]}
      messageKeys={['staff.content', 'procedure', 'catalogue.procedures', 'catalogue.documents']}
    >
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>
      {canReview && (
        <p className="mt-4">
          <a href={localePath(locale, paths.staffReview())} className="font-bold">
            {t('reviewLink', { count: waiting })}
          </a>
        </p>
      )}
      {procedures.map((catalogued) => {
        const procedure = withPublishedFacts(catalogued, published);
        const headingId = `procedure-${procedure.id}`;
        return (
          <section key={procedure.id} aria-labelledby={headingId} className="mt-8">
            <h2 id={headingId} className="text-2xl">
              {texts(`${procedure.id}.title`)}
            </h2>
            <DataTable labelledBy={headingId} columns={[t('fact'), t('live'), t('state')]}>
              {factFields.map((field) => {
                const fact = procedure[field];
                return (
                  <tr key={field} className="border-b border-slate-300 align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <a
                        href={localePath(locale, paths.staffFact(procedure.id, field))}
                        className="font-bold"
                      >
                        {t(`fields.${field}`)}
                      </a>
                    </th>
                    <td className="py-2 pr-3">
                      {fact ? <FactValue field={field} value={fact.value} locale={locale} /> : t('none')}
                    </td>
                    <td className="py-2 pr-3">
                      {fact && <SampleLabel fact={fact} locale={locale} />}
                      {inReview.has(factKey(procedure.id, field)) && (
                        <span className="ml-2 rounded bg-slate-200 px-1.5 text-sm">{t('inReview')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </section>
        );
      })}
    </PageShell>
  );
}
