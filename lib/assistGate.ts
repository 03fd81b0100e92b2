import { redirect } from 'next/navigation';
import type { Draft } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { mayContinue } from './assist';
import { localePath, paths } from './paths';
import { signedInStaff, type Staff } from './staff/session';

/**
 * For every apply page and action (docs/adr/0026): an assisted draft opens only for the staff member who
 * started it, signed in; anyone else on the browser is sent to sign in or to the "no access" page. A
 * citizen's own draft passes through (null).
 */
export async function requireAssistant(
  locale: Locale,
  draft: Pick<Draft, 'assistedBy'>,
): Promise<Staff | null> {
  if (draft.assistedBy === null) return null;
  const staff = await signedInStaff(locale);
  if (!mayContinue(draft, staff)) redirect(localePath(locale, paths.staffForbidden()));
  return staff;
}
