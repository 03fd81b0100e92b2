import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { screens, type Screen } from '../schema';

export async function findScreen(db: Database, id: string): Promise<Screen | undefined> {
  const [row] = await db.select().from(screens).where(eq(screens.id, id));
  return row;
}

/** Every screen, by commune then name: the staff list of what each plays and when it was last seen. */
export function listScreens(db: Database): Promise<Screen[]> {
  return db.select().from(screens).orderBy(asc(screens.communeId), asc(screens.name));
}

/** A screen says it is alive and what it plays; its row as it is now, or undefined for no such screen. */
export async function recordScreenSeen(
  db: Database,
  id: string,
  playing: string | null,
  now = new Date(),
): Promise<Screen | undefined> {
  const [row] = await db
    .update(screens)
    .set({ lastSeenAt: now, lastPlaying: playing })
    .where(eq(screens.id, id))
    .returning();
  return row;
}
