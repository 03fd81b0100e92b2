import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundView } from '@/components/NotFoundView';
import { formatDate } from '@/i18n/format';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { loadSubmission } from '@/lib/applications';
import { formatCode, parseCode } from '@/lib/codes';
import { paths } from '@/lib/paths';

type Props = PageProps<'/[locale]/track/[reference]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params);
  const reference = parseCode((await params).reference) ?? '';
  return {
    title: getT(locale, 'apply.track').text('title', { reference: formatCode(reference) }),
    robots: { index: false },
  };
}

/**
 * What the receipt's QR code opens. For now it shows only what the portal itself knows and nothing
 * personal (received, waiting to be sent); the province's statuses and the second factor come with
 * delivery to the back end.
 */
export default async function TrackPage({ params }: Props) {
  const locale = await localeFrom(params);
  const found = await loadSubmission((await params).reference);
  // Not notFound(): in Next.js 16 it renders a blank page without JavaScript (docs/adr/0005).
  if (!found) return <NotFoundView locale={locale} />;
  const { submission, dossiers } = found;
  const t = getT(locale, 'apply.track');
  const procedures = getT(locale, 'catalogue.procedures');

  return (
    <PageShell
      locale={locale}
      path={paths.track(submission.reference)}
      messageKeys={['apply.track', 'catalogue.procedures']}
    >
      <h1 className="text-3xl">{t('title', { reference: formatCode(submission.reference) })}</h1>
      <ul className="mt-6 space-y-4">
        {dossiers.map((d) => (
          <li key={d.id} className="border-l-4 border-brand pl-4">
            <h2 className="text-xl">{procedures(`${d.procedureId as 'register-birth'}.title`)}</h2>
            <p>{t('received', { date: formatDate(submission.submittedAt, locale) })}</p>
            {d.provinceCode && d.status === 'sent' ? (
              <>
                <p>{t('sent')}</p>
                <p className="font-bold">{t('provinceCode', { code: d.provinceCode })}</p>
              </>
            ) : (
              <p>{t('waiting')}</p>
            )}
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
