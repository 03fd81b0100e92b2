import { randomUUID } from 'node:crypto';
import { symmetricEncrypt } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { hashPassword, staffAuthSecret } from '@/lib/staff/auth';
import { grantProblem, isRole, type Grant } from '@/lib/staff/roles';
import type { Database } from './client';
import { staffTwoFactors, staffUsers } from './schema';
import { createStaffAccount, findStaffByUsername, setStaffPassword } from './queries/staff';

/**
 * Known accounts for a test server, read only here, while the database is prepared: STAFF_SEED lists
 * `username:role[:commune-or-language[:totp]]`, comma-separated, all with the password STAFF_SEED_PASSWORD;
 * `:totp` gives the account a second factor already enrolled, with the key STAFF_SEED_TOTP. The
 * e2e server's database is in its own memory (PGlite `memory://`), so no command outside it could add
 * them. They are ordinary accounts: an admin among them still enrols a second factor at first sign-in.
 * Production sets neither variable; `npm run staff:create` makes real accounts.
 */
export function parseStaffSeed(value: string): { username: string; grant: Grant; totp: boolean }[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [username = '', role, given = '', totp] = entry.split(':');
      const scope = given || null;
      if (totp !== undefined && totp !== 'totp')
        throw new Error(`STAFF_SEED: ${entry}: the fourth part is :totp`);
      if (!isRole(role)) throw new Error(`STAFF_SEED: unknown role in ${entry}`);
      const grant: Grant =
        role === 'translator'
          ? { role, communeId: null, language: scope }
          : { role, communeId: scope, language: null };
      const problem = grantProblem(grant);
      if (problem) throw new Error(`STAFF_SEED: ${entry}: ${problem}`);
      return { username, grant, totp: totp === 'totp' };
    });
}

export async function seedStaff(db: Database, source: Record<string, string | undefined> = process.env) {
  if (!source.STAFF_SEED) return;
  const password = source.STAFF_SEED_PASSWORD ?? '';
  if (password.length < 12) throw new Error('STAFF_SEED needs STAFF_SEED_PASSWORD of at least 12 characters');
  for (const { username, grant, totp } of parseStaffSeed(source.STAFF_SEED)) {
    if (await findStaffByUsername(db, username)) continue;
    const { userId } = await createStaffAccount(db, { username, grant, createdBy: null }, hashPassword);
    await setStaffPassword(db, userId, await hashPassword(password));
    if (!totp) continue;
    const key = source.STAFF_SEED_TOTP ?? '';
    if (key.length < 16)
      throw new Error('STAFF_SEED with :totp needs STAFF_SEED_TOTP of at least 16 characters');
    // Stored as better-auth stores an enrolled secret: encrypted with its key, verified.
    await db.insert(staffTwoFactors).values({
      id: randomUUID(),
      userId,
      secret: await symmetricEncrypt({ key: staffAuthSecret(source), data: key }),
      backupCodes: await symmetricEncrypt({ key: staffAuthSecret(source), data: '[]' }),
      verified: true,
    });
    await db.update(staffUsers).set({ twoFactorEnabled: true }).where(eq(staffUsers.id, userId));
  }
}
