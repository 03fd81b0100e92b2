import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * One failed attempt at a secret (a staff password, a device PIN), counted in the row's own UPDATE so that
 * parallel attempts cannot each read "4" and all slip past the fifth: the `max`-th failure in a row resets
 * the count and locks the row until `lockUntil`. Used by db/queries/staff.ts and db/queries/devices.ts.
 */
export function countFailure(
  failures: AnyPgColumn,
  lockedUntil: AnyPgColumn,
  max: number,
  lockUntil: Date,
): { failures: SQL; lockedUntil: SQL } {
  const locks = sql`${failures} + 1 >= ${max}`;
  return {
    failures: sql`case when ${locks} then 0 else ${failures} + 1 end`,
    lockedUntil: sql`case when ${locks} then ${lockUntil.toISOString()}::timestamptz else ${lockedUntil} end`,
  };
}

/** The lock this failure set, if it set one (the row's lock is exactly the one asked for). */
export function lockSet(row: { lockedUntil: Date | null } | undefined, lockUntil: Date): Date | null {
  return row?.lockedUntil && row.lockedUntil.getTime() === lockUntil.getTime() ? row.lockedUntil : null;
}
