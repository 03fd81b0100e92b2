import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { connect } from '@/db/client';
import { auditTrail, recordAudit } from '@/db/queries/audit';
import { createStaffAccount, MAX_FAILED_SIGN_INS } from '@/db/queries/staff';
import { auditEvents, staffAccounts, staffSessions, staffUsers } from '@/db/schema';
import { seed } from '@/db/seed';
import { parseStaffSeed, seedStaff } from '@/db/seedStaff';
import { createStaffAuth, hashPassword } from '@/lib/staff/auth';
import { pendingEnrolment, signInWithPassword, verifyCode, withCookies } from '@/lib/staff/signIn';
import { currentStaff } from '@/lib/staff/session';
import { databaseTargets } from '../support/db';
import { base32, totpCode } from '../support/totp';

// The sign-in steps against better-auth and the real database, on both drivers: argon2id at rest, the
// lockout, the second factor for admins and officers, session expiry, sign out everywhere, the audit log.

describe.each(databaseTargets)('staff accounts on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  const auth = createStaffAuth(db, { secret: 'x'.repeat(40), baseURL: 'http://127.0.0.1:3000' });
  const suffix = `${process.pid}${Date.now().toString(36)}`.slice(-10);
  const attempt = (headers = new Headers()) => ({ db, auth, headers, clientAddress: '203.0.113.9' });
  let helper: { userId: string; password: string };
  let admin: { userId: string; password: string };
  const helperName = `helper.${suffix}`;
  const adminName = `admin.${suffix}`;

  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
    process.env.STAFF_AUTH_SECRET = 'x'.repeat(40);
    helper = await createStaffAccount(
      db,
      {
        username: helperName,
        grant: { role: 'helper', communeId: 'tan-quang', language: null },
        createdBy: null,
      },
      hashPassword,
    );
    admin = await createStaffAccount(
      db,
      {
        username: adminName,
        grant: { role: 'province-admin', communeId: null, language: null },
        createdBy: null,
      },
      hashPassword,
    );
  });
  afterAll(async () => {
    delete process.env.STAFF_AUTH_SECRET;
    await conn.close();
  });

  it('stores only an argon2id hash of the generated password', async () => {
    const [account] = await db.select().from(staffAccounts).where(eq(staffAccounts.userId, helper.userId));
    expect(account!.password).toMatch(/^\$argon2id\$/);
    expect(account!.password).not.toContain(helper.password);
    expect(helper.password.length).toBeGreaterThanOrEqual(24);
  });

  it('signs a helper in with user name and password, no second factor asked', async () => {
    const result = await signInWithPassword(attempt(), { username: helperName, password: helper.password });
    expect(result.kind).toBe('signed-in');
    const cookies = withCookies(new Headers(), (result as { headers: Headers }).headers);
    const staff = await currentStaff(db, auth, cookies);
    expect(staff?.user.id).toBe(helper.userId);
    expect(staff?.grants).toEqual([{ role: 'helper', communeId: 'tan-quang', language: null }]);
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} wrong passwords, even against the right one`, async () => {
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i += 1) {
      expect(
        (await signInWithPassword(attempt(), { username: helperName, password: 'wrong-password-x' })).kind,
      ).toBe('invalid');
    }
    const fifth = await signInWithPassword(attempt(), { username: helperName, password: 'wrong-password-x' });
    expect(fifth.kind).toBe('locked');
    const during = await signInWithPassword(attempt(), { username: helperName, password: helper.password });
    expect(during.kind).toBe('locked');
    // 15 minutes later the right password opens it again.
    const later = new Date(Date.now() + 16 * 60_000);
    const after = await signInWithPassword(
      attempt(),
      { username: helperName, password: helper.password },
      later,
    );
    expect(after.kind).toBe('signed-in');
    const actions = (await auditTrail(db, { actorId: helper.userId })).map((e) => e.action);
    expect(actions).toContain('lockout');
    expect(actions).toContain('sign-in-locked');
    expect(actions.filter((a) => a === 'sign-in-failed')).toHaveLength(MAX_FAILED_SIGN_INS);
  });

  it('a success in between starts the count again', async () => {
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i += 1) {
      await signInWithPassword(attempt(), { username: helperName, password: 'wrong-password-x' });
    }
    expect(
      (await signInWithPassword(attempt(), { username: helperName, password: helper.password })).kind,
    ).toBe('signed-in');
    expect(
      (await signInWithPassword(attempt(), { username: helperName, password: 'wrong-password-x' })).kind,
    ).toBe('invalid');
  });

  it('makes a province admin enrol a TOTP second factor, then asks for a code at every sign-in', async () => {
    const first = await signInWithPassword(attempt(), { username: adminName, password: admin.password });
    expect(first.kind).toBe('enrol');
    const session = withCookies(new Headers(), (first as { headers: Headers }).headers);
    // Signed in with a password only, an admin is not yet staff: every page sends them to enrolment.
    expect((await currentStaff(db, auth, session))?.secondFactorMissing).toBe(true);
    const enrolment = await pendingEnrolment(db, { id: admin.userId, username: adminName });
    expect(enrolment!.uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&issuer=/);
    expect((await verifyCode(attempt(session), '000000', 'enrol')).ok).toBe(false);
    const enrolled = await verifyCode(attempt(session), totpCode(enrolment!.secret), 'enrol');
    expect(enrolled.ok).toBe(true);
    const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, admin.userId));
    expect(user!.twoFactorEnabled).toBe(true);

    const next = await signInWithPassword(attempt(), { username: adminName, password: admin.password });
    expect(next.kind).toBe('second-factor');
    const pending = withCookies(new Headers(), (next as { headers: Headers }).headers);
    expect(await currentStaff(db, auth, pending)).toBeNull();
    const verified = await verifyCode(attempt(pending), totpCode(enrolment!.secret), 'sign-in');
    expect(verified.ok).toBe(true);
    const full = withCookies(pending, (verified as { headers: Headers }).headers);
    const staff = await currentStaff(db, auth, full);
    expect(staff?.user.id).toBe(admin.userId);
    expect(staff?.secondFactorMissing).toBe(false);
    const actions = (await auditTrail(db, { actorId: admin.userId })).map((e) => e.action);
    expect(actions).toContain('two-factor-enrolled');
  });

  it("seeds the test server's accounts, a second factor already enrolled where asked", async () => {
    const source = {
      STAFF_SEED: `seed.admin.${suffix}:province-admin::totp,seed.helper.${suffix}:helper:nam-dan`,
      STAFF_SEED_PASSWORD: 'seed-password-not-secret',
      STAFF_SEED_TOTP: 'seed-totp-key-not-secret',
      STAFF_AUTH_SECRET: 'x'.repeat(40),
    };
    await seedStaff(db, source);
    await seedStaff(db, source); // idempotent: a restart finds them
    const admin = await signInWithPassword(attempt(), {
      username: `seed.admin.${suffix}`,
      password: 'seed-password-not-secret',
    });
    expect(admin.kind).toBe('second-factor');
    const pending = withCookies(new Headers(), (admin as { headers: Headers }).headers);
    expect((await verifyCode(attempt(pending), totpCode(base32(source.STAFF_SEED_TOTP)), 'sign-in')).ok).toBe(
      true,
    );
    const helperSeeded = await signInWithPassword(attempt(), {
      username: `seed.helper.${suffix}`,
      password: 'seed-password-not-secret',
    });
    expect(helperSeeded.kind).toBe('signed-in');
    expect(() => parseStaffSeed('x.y:helper')).toThrow(/--commune/);
    expect(() => parseStaffSeed('x.y:wizard')).toThrow(/unknown role/);
  });

  it('ends a session 12 hours after sign-in however recently it was used', async () => {
    const result = await signInWithPassword(attempt(), { username: helperName, password: helper.password });
    const cookies = withCookies(new Headers(), (result as { headers: Headers }).headers);
    expect(await currentStaff(db, auth, cookies)).not.toBeNull();
    await db
      .update(staffSessions)
      .set({ createdAt: sql`now() - interval '12 hours 1 minute'` })
      .where(eq(staffSessions.userId, helper.userId));
    expect(await currentStaff(db, auth, cookies)).toBeNull();
  });

  it('signs out everywhere: every session of the account ends', async () => {
    const one = await signInWithPassword(attempt(), { username: helperName, password: helper.password });
    const two = await signInWithPassword(attempt(), { username: helperName, password: helper.password });
    const a = withCookies(new Headers(), (one as { headers: Headers }).headers);
    const b = withCookies(new Headers(), (two as { headers: Headers }).headers);
    expect(await currentStaff(db, auth, b)).not.toBeNull();
    await auth.api.revokeSessions({ headers: a });
    expect(await currentStaff(db, auth, a)).toBeNull();
    expect(await currentStaff(db, auth, b)).toBeNull();
  });

  it('refuses to change or remove an audit entry, whoever asks', async () => {
    await recordAudit(db, { action: 'sign-out', actorId: helper.userId, clientAddress: '203.0.113.9' });
    const [entry] = await auditTrail(db, { actorId: helper.userId, limit: 1 });
    // drizzle wraps the database's error; the trigger's message is its cause.
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'done',
        (error: { cause?: { message?: string } }) => error.cause?.message ?? String(error),
      );
    expect(
      await refusal(db.update(auditEvents).set({ action: 'rewritten' }).where(eq(auditEvents.id, entry!.id))),
    ).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(db.delete(auditEvents).where(eq(auditEvents.id, entry!.id)))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE refused/);
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, entry!.id));
    expect(still!.action).toBe(entry!.action);
  });
});
