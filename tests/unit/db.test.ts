import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { countCommunes, listCommunes } from '@/db/queries/communes';
import { provinces } from '@/db/schema';
import { seed } from '@/db/seed';
import { databaseTargets } from '../support/db';

// The same migrations and seed, against both drivers: PGlite in memory always, and the real PostgreSQL
// database that scripts/test-all.sh creates for this run (TEST_DATABASE_URL).

describe.each(databaseTargets)('database on $name', ({ options }) => {
  const conn = connect(options);
  afterAll(() => conn.close());

  it('applies the committed migrations and seeds the sample province', async () => {
    await conn.migrate();
    await seed(conn.db);
    expect(await countCommunes(conn.db)).toBe(4);
    const [row] = await conn.db.select().from(provinces);
    expect(row).toMatchObject({ id: 'tuyen-quang', name: 'Tuyên Quang', agencyCodeStatus: 'sample' });
  });

  it('can migrate and seed again on restart without duplicating rows', async () => {
    await conn.migrate();
    await seed(conn.db);
    const communes = await listCommunes(conn.db);
    expect(communes.map((c) => c.name)).toEqual(['Nậm Dần', 'Quảng Nguyên', 'Tân Lập', 'Tân Quang']);
  });
});
