import { asc, count } from 'drizzle-orm';
import type { Database } from '../client';
import { communes } from '../schema';

export function listCommunes(db: Database) {
  return db.select().from(communes).orderBy(asc(communes.name));
}

export async function countCommunes(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(communes);
  return row?.value ?? 0;
}
