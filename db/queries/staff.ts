import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Grant } from '@/lib/staff/roles';
import type { Database } from '../client';
import { countFailure, lockSet } from './lockout';
import { staffAccounts, staffRoleGrants, staffUsers } from '../schema';
import { recordAudit } from './audit';

/** Owns staff_users, their credential accounts and role grants (better-auth reads and writes sessions). */

/** After this many wrong passwords in a row an account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

/** better-auth's username rule, stated here too so the command refuses what sign-in would. */
export const USERNAME_PATTERN = /^[a-z0-9_.]{3,40}$/;

export class StaffAccountError extends Error {
  override name = 'StaffAccountError';
}

export interface NewStaffAccount {
  readonly username: string;
  readonly name?: string;
  readonly grant: Grant;
  /** Who created it (staff_users.id), null for the set-up command. */
  readonly createdBy: string | null;
}

/** A new account with one role and a generated password, returned once and stored only as its argon2id hash. */
export async function createStaffAccount(
  db: Database,
  account: NewStaffAccount,
  hashPassword: (password: string) => Promise<string>,
): Promise<{ userId: string; password: string }> {
  const username = checkedUsername(account.username);
  const password = randomBytes(18).toString('base64url');
  const userId = await insertAccount(db, { ...account, username }, await hashPassword(password));
  return { userId, password };
}

/**
 * A community digital team member with no password at all (docs/adr/0028): they sign in only on a
 * device their team leader enrols, with its PIN, as ODK Central's app users do.
 */
export async function createDeviceOnlyAccount(
  db: Database,
  account: NewStaffAccount,
): Promise<{ userId: string }> {
  return {
    userId: await insertAccount(db, { ...account, username: checkedUsername(account.username) }, null),
  };
}

function checkedUsername(typed: string): string {
  const username = typed.toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new StaffAccountError('user name: 3 to 40 of a-z, 0-9, "_" and "."');
  }
  return username;
}

/** User, credential (when there is a password), grant and their audit entries in one transaction. */
async function insertAccount(
  db: Database,
  account: NewStaffAccount,
  passwordHash: string | null,
): Promise<string> {
  const { username } = account;
  const userId = randomUUID();
  await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.username, username));
    if (taken) throw new StaffAccountError(`the user name ${username} is taken`);
    await tx.insert(staffUsers).values({
      id: userId,
      name: account.name ?? username,
      // better-auth needs an e-mail address; staff sign in by user name (docs/adr/0023).
      email: `${username}@staff.invalid`,
      username,
      displayUsername: username,
    });
    if (passwordHash !== null) {
      await tx.insert(staffAccounts).values({
        id: randomUUID(),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: passwordHash,
      });
    }
    await tx.insert(staffRoleGrants).values({ userId, ...account.grant, grantedBy: account.createdBy });
    await recordAudit(tx, {
      action: 'account-created',
      actorId: account.createdBy,
      detail: { userId, username, password: passwordHash !== null },
    });
    await recordAudit(tx, {
      action: 'role-granted',
      actorId: account.createdBy,
      detail: { userId, ...account.grant },
    });
  });
  return userId;
}

export async function grantsOf(db: Database, userId: string): Promise<Grant[]> {
  return db
    .select({
      role: staffRoleGrants.role,
      communeId: staffRoleGrants.communeId,
      language: staffRoleGrants.language,
    })
    .from(staffRoleGrants)
    .where(eq(staffRoleGrants.userId, userId));
}

export async function findStaffByUsername(db: Database, username: string) {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.username, username.toLowerCase()));
  return row ?? null;
}

export async function countStaff(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(staffUsers);
  return row?.n ?? 0;
}

/**
 * One more wrong password for this account, counted in the database so that every portal process and
 * every client address add to the same count; the fifth in a row locks the account. Returns the lock's
 * end when this failure locked it.
 */
export async function recordFailedSignIn(
  db: Database,
  userId: string,
  now = new Date(),
): Promise<Date | null> {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const failure = countFailure(
    staffUsers.failedSignIns,
    staffUsers.lockedUntil,
    MAX_FAILED_SIGN_INS,
    lockUntil,
  );
  const [row] = await db
    .update(staffUsers)
    .set({ failedSignIns: failure.failures, lockedUntil: failure.lockedUntil })
    .where(eq(staffUsers.id, userId))
    .returning({ lockedUntil: staffUsers.lockedUntil });
  return lockSet(row, lockUntil);
}

export async function clearFailedSignIns(db: Database, userId: string): Promise<void> {
  await db
    .update(staffUsers)
    .set({ failedSignIns: 0, lockedUntil: null })
    .where(and(eq(staffUsers.id, userId)));
}

/** Replaces an account's password hash (the test seed's known password). */
export async function setStaffPassword(db: Database, userId: string, passwordHash: string): Promise<void> {
  await db
    .update(staffAccounts)
    .set({ password: passwordHash, updatedAt: new Date() })
    .where(and(eq(staffAccounts.userId, userId), eq(staffAccounts.providerId, 'credential')));
}

/** Names of staff members by id, for pages that say who did what (authors, reviewers). */
export async function staffNames(
  db: Database,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(inArray(staffUsers.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
