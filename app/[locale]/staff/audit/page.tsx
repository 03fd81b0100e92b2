import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { AuditTable } from '@/components/staff/AuditTable';
import { auditTrailWithActors } from '@/db/queries/audit';
import { findSubmissionByReference } from '@/db/queries/submissions';
import { localeFrom } from '@/i18n/params';
import { getT } from '@/i18n/translate';
import { database } from '@/db/prepare';
import { formatCode, parseCode } from '@/lib/codes';
import { localePath, paths } from '@/lib/paths';
import { requireStaff } from '@/lib/staff/session';
import { staffRobots } from '../staffRequest';

type Props = PageProps<'/[locale]/staff/audit'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: getT(await localeFrom(params), 'staff.audit').text('title'), robots: staffRobots };
}

/**
 * The audit log, for staff whose role gives `audit:view` (province admins): the latest entries, or every
 * entry about one dossier by its reference. Read-only, as the table itself is (migration 0004's trigger).
 */
export default async function AuditPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params);
  await requireStaff(locale, 'audit:view');
  const db = await database();
  const raw = (await searchParams).reference;
  const typed = typeof raw === 'string' ? raw.slice(0, 40) : '';
  const reference = typed ? parseCode(typed) : null;
  const submission = reference ? await findSubmissionByReference(db, reference) : undefined;
  const unknown = typed !== '' && !submission;
  const rows = unknown ? [] : await auditTrailWithActors(db, { submissionId: submission?.id, limit: 200 });
  const t = getT(locale, 'staff.audit');

  return (
    <PageShell
      locale={locale}
      path={paths.staffAudit()}
      crumbs={[
        { href: localePath(locale, paths.staffAccount()), label: getT(locale, 'staff.account')('title') },
      ]}
      messageKeys={['staff.audit']}
    >
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <form method="get" className="mt-6">
        <label htmlFor="reference" className="block text-lg font-bold">
          {t('referenceLabel')}
        </label>
        {unknown && (
          <p id="reference-error" className="mt-1 font-bold text-red-800">
            {t('referenceUnknown')}
          </p>
        )}
        <div className="mt-1 flex flex-wrap gap-3">
          <input
            id="reference"
            name="reference"
            type="text"
            defaultValue={typed}
            maxLength={40}
            autoComplete="off"
            aria-describedby={unknown ? 'reference-error' : undefined}
            aria-invalid={unknown || undefined}
            className="min-h-12 w-full max-w-xs rounded border-2 border-slate-900 px-3 font-mono text-lg uppercase"
          />
          <button type="submit" className="min-h-12 rounded bg-brand px-5 text-lg font-bold text-white">
            {t('show')}
          </button>
        </div>
      </form>
      <h2 id="entries" className="mt-8 text-2xl">
        {submission ? t('entriesFor', { reference: formatCode(submission.reference) }) : t('latest')}
      </h2>
      <AuditTable locale={locale} rows={rows} labelledBy="entries" />
    </PageShell>
  );
}
