import { sql } from 'drizzle-orm';
import { province } from '@/catalogue/province';
import { screenSeeds } from '@/catalogue/screens';
import type { Database } from './client';
import { communes, provinces, screens } from './schema';

/** Copies the province configuration into the database. Idempotent: safe on every start. */
export async function seed(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values({
        id: province.id,
        name: province.name,
        agencyCode: province.agencyCode.value,
        agencyCodeStatus: province.agencyCode.status,
      })
      .onConflictDoUpdate({
        target: provinces.id,
        set: {
          name: sql`excluded.name`,
          agencyCode: sql`excluded.agency_code`,
          agencyCodeStatus: sql`excluded.agency_code_status`,
          updatedAt: sql`now()`,
        },
      });
    await tx
      .insert(communes)
      .values(
        province.communes.map((c) => ({
          id: c.id,
          provinceId: province.id,
          name: c.name,
          agencyCode: c.agencyCode.value,
          agencyCodeStatus: c.agencyCode.status,
          isPilot: c.isPilot,
        })),
      )
      .onConflictDoUpdate({
        target: communes.id,
        set: {
          name: sql`excluded.name`,
          agencyCode: sql`excluded.agency_code`,
          agencyCodeStatus: sql`excluded.agency_code_status`,
          isPilot: sql`excluded.is_pilot`,
          updatedAt: sql`now()`,
        },
      });
    // Screens the province has since changed keep their playlists: only missing ones are added.
    await tx
      .insert(screens)
      .values(screenSeeds.map((s) => ({ ...s, items: [...s.items] })))
      .onConflictDoNothing({ target: screens.id });
  });
}
