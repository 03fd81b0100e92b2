import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { screens, type Screen } from '../schema';

export async function findScreen(db: Database, id: string): Promise<Screen | undefined> {
  const [row] = await db.select().from(screens).where(eq(screens.id, id));
  return row;
}
