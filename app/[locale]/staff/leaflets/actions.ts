'use server';

import { redirect } from 'next/navigation';
import { createLeafletRun } from '@/db/queries/leafletRuns';
import { database } from '@/db/prepare';
import { formText } from '@/lib/formData';
import { parseRunForm } from '@/lib/leafletRuns';
import { localePath, paths } from '@/lib/paths';
import { requireStaff, signedInStaff } from '@/lib/staff/session';
import { localeOf } from '../staffRequest';

/** The fields the form posts, sent back with an error so that nothing typed is lost (nothing was stored). */
const fields = ['guide', 'language', 'place', 'label', 'source', 'copies'] as const;

/** An editor records a print run (issue 15): authorised here, audited with the run in one transaction. */
export async function createRunAction(form: FormData) {
  const locale = localeOf(form);
  await signedInStaff(locale);
  const staff = await requireStaff(locale, 'content:edit');
  const typed = Object.fromEntries(fields.map((f) => [f, formText(form, f)])) as Record<
    (typeof fields)[number],
    string
  >;
  const page = localePath(locale, paths.staffLeaflets());
  // What was typed rides back with the error, unless a forged form made it too long for a request line.
  const carried = new URLSearchParams(typed).toString();
  const back: (error: string) => never = (error) =>
    redirect(`${page}?error=${error}${carried.length > 2000 ? '' : `&${carried}`}#new-run`);
  const parsed = parseRunForm(typed);
  if (!parsed.ok) back(parsed.error);
  const created = await createLeafletRun(await database(), parsed.run, staff.user.id);
  if (!created.ok) back(created.refused);
  redirect(`${page}?created=${created.run.id}`);
}
