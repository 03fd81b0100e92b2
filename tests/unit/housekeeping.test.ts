import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { housekeeping } from '@/worker/housekeeping';
import { startRelayLoop } from '@/worker/loop';
import { isolatedTargets } from '../support/db';

// rate_limits gets a row per client address and per reference; without housekeeping it grows forever.
describe.each(isolatedTargets('housekeeping'))('housekeeping on $name', ({ options, create, drop }) => {
  const conn = connect(options);
  const db = conn.db;

  beforeAll(async () => {
    await create();
    await conn.migrate();
  });
  afterAll(async () => {
    await conn.close();
    await drop();
  });

  async function counters() {
    await db.delete(rateLimits);
    await db.insert(rateLimits).values([
      { key: 'submit:old', windowStart: sql`now() - interval '2 days'`, count: 3 },
      { key: 'submit:fresh', windowStart: sql`now() - interval '1 minute'`, count: 1 },
    ]);
  }
  const keys = async () => (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);

  it('forgets counters whose window has long passed and keeps the current ones', async () => {
    await counters();
    await housekeeping(db);
    expect(await keys()).toEqual(['submit:fresh']);
  });

  it('runs from the relay loop', async () => {
    await counters();
    const stop = startRelayLoop(db, 10);
    try {
      await vi.waitFor(async () => expect(await keys()).toEqual(['submit:fresh']), { timeout: 10_000 });
    } finally {
      stop();
    }
  });
});
