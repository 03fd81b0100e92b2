import {
  customType,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

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

/**
 * An application in progress, kept server-side so that a dropped connection or a closed browser loses
 * nothing. Owned by whoever holds the session cookie whose SHA-256 is `sessionHash`, or the resume code.
 * Deleted when it expires (lib/drafts.ts states the time); a submitted draft keeps its submission.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionHash: text('session_hash').notNull(),
    journeyId: text('journey_id').notNull(),
    journeyVersion: integer('journey_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** The last rejected attempt at a question: re-shown with its errors after the redirect (PRG). */
    lastAttempt: jsonb('last_attempt').$type<LastAttempt | null>(),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    resumeCode: text('resume_code').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('drafts_session_idx').on(t.sessionHash), index('drafts_expires_idx').on(t.expiresAt)],
);

export interface LastAttempt {
  readonly questionId: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly {
    field: string;
    key: string;
    values?: Readonly<Record<string, string | number>>;
  }[];
}

/** A submitted application: what the person answered, frozen with the journey version they answered. */
export const submissions = pgTable('submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The receipt reference shown to the person: short, unambiguous (no 0/O, 1/I/L). */
  reference: text('reference').notNull().unique(),
  /** One submission per draft, enforced here: a double tap or a resubmit finds the existing row. */
  draftId: uuid('draft_id').notNull().unique(),
  journeyId: text('journey_id').notNull(),
  journeyVersion: integer('journey_version').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  officeCommuneId: text('office_commune_id')
    .notNull()
    .references(() => communes.id),
  /** Last 4 digits of the phone number, the second factor for tracking; the full number stays in answers. */
  phoneLast4: text('phone_last4'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One dossier per procedure: a bundle's submission has several, each delivered on its own. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    procedureId: text('procedure_id').notNull(),
    procedureVersion: integer('procedure_version').notNull(),
    /** The province's dossier code (mã hồ sơ), once its back end has minted one. */
    provinceCode: text('province_code'),
    status: text('status').notNull().default('received'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dossiers_submission_procedure_idx').on(t.submissionId, t.procedureId)],
);

/**
 * Transactional outbox: written in the same transaction as its dossier, delivered by the relay (worker/),
 * never deleted by housekeeping. `idempotencyKey` travels with every delivery attempt.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .unique()
      .references(() => dossiers.id),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: text('status', { enum: ['pending', 'delivered', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Uploaded documents, stored in the database for now; readable only by the draft's owner. */
export const uploadedFiles = pgTable('uploaded_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  draftId: uuid('draft_id').notNull(),
  questionId: text('question_id').notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type', { enum: ['image/jpeg', 'image/png', 'application/pdf'] }).notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  /** ID-card images are sensitive data: they are deleted once the province has the dossier. */
  sensitive: boolean('sensitive').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The one-question satisfaction rating: anonymous, with no link to a submission or a person. */
export const satisfactionRatings = pgTable('satisfaction_ratings', {
  id: uuid('id').primaryKey().defaultRandom(),
  journeyId: text('journey_id').notNull(),
  rating: integer('rating').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Draft = typeof drafts.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type Dossier = typeof dossiers.$inferSelect;
