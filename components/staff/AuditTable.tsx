import { DataTable } from './DataTable';
import { formatDateTime } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';
import { formatCode } from '@/lib/codes';

export interface AuditRow {
  readonly id: string;
  readonly occurredAt: Date;
  readonly action: string;
  readonly actorName: string | null;
  readonly actorUsername: string | null;
  readonly reference: string | null;
  readonly clientAddress: string | null;
}

/** Who did what, to which dossier, when, from where: the audit log as staff read it (docs/adr/0023). */
export function AuditTable({
  locale,
  rows,
  labelledBy,
  showReference = true,
}: {
  locale: Locale;
  rows: readonly AuditRow[];
  labelledBy: string;
  showReference?: boolean;
}) {
  const t = getT(locale, 'staff.audit');
  if (rows.length === 0) return <p className="mt-2">{t('none')}</p>;
  return (
    <DataTable
      labelledBy={labelledBy}
      columns={[
        t('columns.when'),
        t('columns.who'),
        t('columns.what'),
        ...(showReference ? [t('columns.dossier')] : []),
        t('columns.address'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-300 align-top">
          <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(row.occurredAt, locale)}</td>
          <td className="py-2 pr-3">
            {row.actorName ? `${row.actorName} (${row.actorUsername ?? ''})` : t('nobody')}
          </td>
          <td className="py-2 pr-3">{t(`actions.${row.action}` as KeyIn<'staff.audit'>)}</td>
          {showReference && (
            <td className="py-2 pr-3 font-mono">{row.reference ? formatCode(row.reference) : ''}</td>
          )}
          <td className="py-2 font-mono">{row.clientAddress ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
