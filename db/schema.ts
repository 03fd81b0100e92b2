import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Province configuration copied from catalogue/province.ts by the seed, so that dossiers (later issues)
 * can refer to a commune by a row, and the province can change its communes without a deploy.
 */
export const provinces = pgTable('provinces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  agencyCode: text('agency_code').notNull(),
  /** 'verified' or 'sample': an unverified agency code must never be sent as if it were real. */
  agencyCodeStatus: text('agency_code_status', { enum: ['verified', 'sample'] }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const communes = pgTable('communes', {
  id: text('id').primaryKey(),
  provinceId: text('province_id')
    .notNull()
    .references(() => provinces.id),
  name: text('name').notNull(),
  agencyCode: text('agency_code').notNull(),
  agencyCodeStatus: text('agency_code_status', { enum: ['verified', 'sample'] }).notNull(),
  isPilot: boolean('is_pilot').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Province = typeof provinces.$inferSelect;
export type Commune = typeof communes.$inferSelect;
