import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isLocale, type Locale } from '@/i18n/locales';
import { formText } from '@/lib/formData';
import { getT } from '@/i18n/translate';
import { staffAuth } from '@/lib/staff/auth';
import type { Attempt } from '@/lib/staff/signIn';
import { database } from '@/db/prepare';
import { clientAddress } from '@/lib/rateLimit';

/** What every staff action hands the sign-in steps: the database, better-auth, this request. */
export async function staffAttempt(): Promise<Attempt> {
  const db = await database();
  return { db, auth: staffAuth(db), headers: await headers(), clientAddress: await clientAddress() };
}

/** Staff pages are never indexed (their robots metadata) and never cached (Next.js sends no-store). */
export const staffRobots = { index: false, follow: false } as const;

/** A staff page's title, after "Error:" when the page shows one (as every form of the portal says it). */
export function staffTitle(locale: Locale, title: string, hasError: boolean): string {
  return hasError ? `${getT(locale, 'apply.errors').text('titlePrefix', { count: 1 })} ${title}` : title;
}

/** The page's locale a staff form posts back, or home for a form that has none. */
export function localeOf(form: FormData): Locale {
  const locale = formText(form, 'locale');
  if (!isLocale(locale)) redirect('/');
  return locale;
}

/**
 * The most a refused form's typed values may take in its redirect's query. A longer one (a long legal
 * basis, a long translation) would make the request line too long for Node to read (431), so then only
 * the error rides back and the person types again.
 */
const MAX_TYPED = 6000;

/** What a refused staff form typed, as `&typed=…` for its redirect (nothing was stored), or '' if too long. */
export function typedParam(typed: unknown): string {
  const carried = Buffer.from(JSON.stringify(typed)).toString('base64url');
  return carried.length > MAX_TYPED ? '' : `&typed=${carried}`;
}

/** The values a redirect's `typed` carries back (typedParam), or null for none or anything unreadable. */
export function typedFrom(
  query: Record<string, string | string[] | undefined>,
): Record<string, unknown> | null {
  if (typeof query.typed !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(query.typed, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
