import { headers as requestHeaders } from 'next/headers';
import { redirect } from 'next/navigation';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { grantsOf } from '@/db/queries/staff';
import { staffSessions } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { database } from '@/db/prepare';
import { localePath, paths } from '@/lib/paths';
import { SESSION_ABSOLUTE_SECONDS, staffAuth, type StaffAuth } from './auth';
import { deviceCookieIn } from './devices';
import { allows, needsSecondFactor, type Grant, type Permission, type Scope } from './roles';

export interface Staff {
  readonly user: { readonly id: string; readonly username: string | null; readonly name: string };
  readonly sessionId: string;
  /** The helper device whose PIN opened this session (docs/adr/0028), or null. */
  readonly deviceId: string | null;
  readonly grants: readonly Grant[];
  /** A role that needs a second factor, signed in with a password only: enrolment comes first. */
  readonly secondFactorMissing: boolean;
}

/**
 * The staff member the request's cookies belong to, or null. A session older than 12 hours is ended here,
 * however recently it was used (better-auth's own expiry is the 8 idle hours).
 */
export async function currentStaff(db: Database, auth: StaffAuth, headers: Headers): Promise<Staff | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  if (Date.now() - new Date(found.session.createdAt).getTime() > SESSION_ABSOLUTE_SECONDS * 1000) {
    await db.delete(staffSessions).where(eq(staffSessions.id, found.session.id));
    return null;
  }
  const grants = await grantsOf(db, found.user.id);
  const session = found.session as typeof found.session & { deviceId?: string | null };
  const user = found.user as typeof found.user & {
    username?: string | null;
    twoFactorEnabled?: boolean | null;
  };
  return {
    user: { id: user.id, username: user.username ?? null, name: user.name },
    sessionId: found.session.id,
    deviceId: session.deviceId ?? null,
    grants,
    secondFactorMissing: needsSecondFactor(grants) && !user.twoFactorEnabled,
  };
}

/** The signed-in staff member, for a page or action that needs no particular permission (the account page). */
export async function signedInStaff(locale: Locale): Promise<Staff> {
  // The request's headers first: reading them makes the page dynamic before the database is touched, so
  // `next build` never tries to prerender a staff page.
  const headers = await requestHeaders();
  const db = await database();
  const staff = await currentStaff(db, staffAuth(db), headers);
  // An enrolled helper device is unlocked with its PIN, not a password.
  if (!staff)
    redirect(
      localePath(locale, deviceCookieIn(headers) !== undefined ? paths.staffDevice() : paths.staffSignIn()),
    );
  if (staff.secondFactorMissing) redirect(localePath(locale, paths.staffEnrol()));
  return staff;
}

/** Who did it, for the audit log: the staff member and, when a PIN opened the session, the device. */
export function auditActor(staff: Staff): { actorId: string; deviceId: string | null } {
  return { actorId: staff.user.id, deviceId: staff.deviceId };
}

/**
 * The one gate of every staff page and action: the signed-in staff member if one of their grants gives
 * `permission` for `scope`; otherwise a redirect to sign-in (nobody signed in), to second-factor enrolment
 * (an admin or officer without one) or to the "no access" page.
 */
export async function requireStaff(
  locale: Locale,
  permission: Permission,
  scope: Scope = {},
): Promise<Staff> {
  const staff = await signedInStaff(locale);
  if (!allows(staff.grants, permission, scope)) redirect(localePath(locale, paths.staffForbidden()));
  return staff;
}
