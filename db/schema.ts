import {
  customType,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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
    /**
     * Assisted mode (docs/adr/0026): the staff member (staff_users.id) filing for the villager, and where.
     * The applicant is still the villager: their name, ID and phone are answers like anyone's.
     */
    assistedBy: text('assisted_by'),
    assistPlace: jsonb('assist_place').$type<AssistPlace | null>(),
    /** The language the consent text was read aloud in, confirmed by the helper (assisted mode only). */
    consentReadIn: text('consent_read_in'),
    resumeCode: text('resume_code').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('drafts_session_idx').on(t.sessionHash), index('drafts_expires_idx').on(t.expiresAt)],
);

/** Where a helper or officer filed: a village hall (named) or the commune's one-stop desk. */
export interface AssistPlace {
  readonly kind: 'village-hall' | 'commune-office';
  /** The village hall's name as the helper typed it; empty for the commune office. */
  readonly name: string;
}

/** Who filed: the person themselves, a community digital team helper, or a one-stop officer. */
export const channels = ['self', 'helper', 'officer'] as const;
export type Channel = (typeof channels)[number];

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
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The receipt reference shown to the person: short, unambiguous (no 0/O, 1/I/L). */
    reference: text('reference').notNull().unique(),
    /**
     * One submission per draft, enforced here: a double tap or a resubmit finds the existing row. A dossier
     * captured offline on a helper device has no server draft: this is its client UUID (docs/adr/0029).
     */
    draftId: uuid('draft_id').notNull().unique(),
    journeyId: text('journey_id').notNull(),
    journeyVersion: integer('journey_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    officeCommuneId: text('office_commune_id')
      .notNull()
      .references(() => communes.id),
    /** Last 4 digits of the phone number, a second factor for tracking; the full number stays in answers. */
    phoneLast4: text('phone_last4'),
    /** Last 4 digits of the applicant's citizen ID, the other accepted second factor. */
    cidLast4: text('cid_last4'),
    /**
     * Random key carried by the receipt's QR code (`/track/<reference>?k=<key>`), so the printed receipt
     * opens the status without typing; typing the reference instead needs the second factor.
     */
    trackingKey: text('tracking_key').unique(),
    /** Assisted mode (docs/adr/0026): the channel, and for helper and officer who helped, where, how consented. */
    channel: text('channel', { enum: channels }).notNull().default('self'),
    helperId: text('helper_id'),
    /** The helper's name as it was when they filed, printed on the receipt ("submitted with the help of"). */
    helperName: text('helper_name'),
    assistPlace: jsonb('assist_place').$type<AssistPlace | null>(),
    consentReadIn: text('consent_read_in'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The officer's desk (docs/adr/0027): when the villager's original papers were seen at the one-stop desk,
     * and by whom (staff_users.id). Set once; the audit log keeps the act itself.
     */
    originalsReceivedAt: timestamp('originals_received_at', { withTimezone: true }),
    originalsReceivedBy: text('originals_received_by'),
    /**
     * Captured offline (docs/adr/0029): the helper device that synced it, and the SHA-256 of what it sent,
     * so the same content sent again gets the same receipt and other content under its UUID a 409.
     */
    offlineDeviceId: uuid('offline_device_id'),
    offlineContentHash: text('offline_content_hash'),
  },
  (t) => [
    // The officer's desk lists a commune's dossiers newest first; the afternoon's list, one helper's.
    index('submissions_office_idx').on(t.officeCommuneId, t.submittedAt),
    index('submissions_helper_idx').on(t.helperId, t.submittedAt),
  ],
);

/**
 * Every receipt reference ever handed out, online or reserved in a block for a helper device before it
 * goes offline (docs/adr/0029): the primary key makes a reference unique across both, so a slip printed
 * in a village hall never collides with one shown online. `usedAt` is set when a submission takes it.
 */
export const receiptReferences = pgTable(
  'receipt_references',
  {
    reference: text('reference').primaryKey(),
    /** The device it was reserved for; null for a reference taken online. */
    deviceId: uuid('device_id'),
    reservedAt: timestamp('reserved_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('receipt_references_device_idx').on(t.deviceId, t.usedAt)],
);

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
    /** When the province acknowledged the dossier (the relay's successful create). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The province's latest status (lib/provinceStatus.ts names), and when it took effect. */
    provinceStatus: text('province_status'),
    provinceStatusAt: timestamp('province_status_at', { withTimezone: true }),
    /** When the status sync next asks the province; null once the status is final. */
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_submission_procedure_idx').on(t.submissionId, t.procedureId),
    index('dossiers_poll_idx').on(t.nextPollAt),
  ],
);

/**
 * Each status the province reported for a dossier, with the time it took effect there; written by the
 * poller and the signed webhook alike, so the unique key makes a repeated report a no-op.
 */
export const dossierStatusEvents = pgTable(
  'dossier_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    status: text('status').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    note: text('note'),
    source: text('source', { enum: ['poll', 'webhook'] }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('status_events_unique_idx').on(t.dossierId, t.status, t.occurredAt)],
);

/** Fixed-window counters shared by every portal process (lib/rateLimit.ts). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});

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
    /** Start of the 14-day retry window: the submission, or the moment a person retried a dead letter. */
    retryWindowFrom: timestamp('retry_window_from', { withTimezone: true }).notNull().defaultNow(),
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

/**
 * QR scans counted per short code, source (office or poster, '' for none) and day: no address, no
 * cookie, nothing about the person, only that a printed code was used (catalogue/shortLinks.ts).
 */
export const qrScans = pgTable(
  'qr_scans',
  {
    code: text('code').notNull(),
    source: text('source').notNull().default(''),
    day: date('day').notNull(),
    scans: integer('scans').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.code, t.source, t.day] })],
);

/**
 * A leaflet print run (issue 15): one guide in one language printed for an office or an event ("Chợ phiên
 * Đồng Văn"), its QR code carrying the run's source so that its scans are counted apart. `code` is the
 * guide's short code in that language (catalogue/shortLinks.ts), kept so that scans join without code.
 */
export const leafletRuns = pgTable(
  'leaflet_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    guideKind: text('guide_kind', { enum: ['procedure', 'life-event'] }).notNull(),
    guideId: text('guide_id').notNull(),
    locale: text('locale').notNull(),
    code: text('code').notNull(),
    source: text('source').notNull(),
    place: text('place', { enum: ['office', 'event'] }).notNull(),
    label: text('label').notNull(),
    copies: integer('copies'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('leaflet_runs_code_source_idx').on(t.code, t.source)],
);

export type LeafletRun = typeof leafletRuns.$inferSelect;

/** Screens in one-stop offices and what they play; seeded from catalogue/screens.ts, then the province's. */
export const screens = pgTable('screens', {
  id: text('id').primaryKey(),
  communeId: text('commune_id')
    .notNull()
    .references(() => communes.id),
  name: text('name').notNull(),
  locale: text('locale').notNull(),
  /** [{ recording, captions }]: recording ids from catalogue/media/recordings.json, a captions language. */
  items: jsonb('items').$type<{ recording: string; captions: string }[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** When the screen last said it was alive, and what it was playing then (`<recording>:<language>`). */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  lastPlaying: text('last_playing'),
});

export type Draft = typeof drafts.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type Dossier = typeof dossiers.$inferSelect;
export type DossierStatusEvent = typeof dossierStatusEvents.$inferSelect;
export type Screen = typeof screens.$inferSelect;

/*
 * Staff accounts (docs/adr/0023). The first five tables are better-auth's (user, session, account,
 * verification, twoFactor, with the username and two-factor plugins' columns), under the project's names;
 * lib/staff/auth.ts hands them to its drizzle adapter. Citizens never have an account.
 */
export const staffUsers = pgTable('staff_users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** better-auth requires one; staff sign in with their user name, so it may be `<username>@staff.invalid`. */
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  username: text('username').unique(),
  displayUsername: text('display_username'),
  twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
  /** Per-account lockout (lib/staff/lockout.ts): better-auth's own limiter counts per address only. */
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** A session opened by a helper device's PIN (helper_devices.id): ended when the device is revoked. */
    deviceId: uuid('device_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId), index('staff_sessions_device_idx').on(t.deviceId)],
);

export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    /** argon2id (@node-rs/argon2), PHC string. */
    password: text('password'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_accounts_user_idx').on(t.userId)],
);

export const staffVerifications = pgTable(
  'staff_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_verifications_identifier_idx').on(t.identifier)],
);

export const staffTwoFactors = pgTable(
  'staff_two_factors',
  {
    id: text('id').primaryKey(),
    /** Encrypted by better-auth with STAFF_AUTH_SECRET. */
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** False between enrolment and the first correct code. */
    verified: boolean('verified').notNull().default(true),
    failedVerificationCount: integer('failed_verification_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [index('staff_two_factors_user_idx').on(t.userId)],
);

/**
 * What a staff member may do where (lib/staff/permissions.ts): one row per role, for one commune or, with
 * `communeId` null, the whole province; a translator's grant names its language.
 */
export const staffRoleGrants = pgTable(
  'staff_role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    role: text('role', {
      enum: [
        'province-admin',
        'commune-officer',
        'digital-team-leader',
        'helper',
        'content-editor',
        'reviewer',
        'translator',
      ],
    }).notNull(),
    communeId: text('commune_id').references(() => communes.id),
    language: text('language'),
    grantedBy: text('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_role_grants_user_idx').on(t.userId)],
);

/**
 * A helper's laptop or phone, enrolled by a QR code the team leader issued (docs/adr/0028): the pattern
 * of ODK Central's app users, with no password to remember. The QR code carries a one-time token valid
 * for 15 minutes; enrolling sets the device's secret (kept in an httpOnly cookie on the device, here only
 * as its SHA-256) and the helper's PIN (argon2id). Revoking ends the device's sessions at once.
 */
export const helperDevices = pgTable(
  'helper_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** The commune whose team the device belongs to: its leader manages it. */
    communeId: text('commune_id')
      .notNull()
      .references(() => communes.id),
    /** What the leader called it: "Laptop, Nà Làng hall". */
    label: text('label').notNull(),
    /** SHA-256 of the enrolment token (hex), until the device is enrolled. */
    enrolmentTokenHash: text('enrolment_token_hash').unique(),
    /** The token itself, encrypted with STAFF_AUTH_SECRET, so the leader's page can show the QR code again. */
    enrolmentToken: text('enrolment_token'),
    enrolmentExpiresAt: timestamp('enrolment_expires_at', { withTimezone: true }).notNull(),
    /** SHA-256 of the device's secret (hex): 32 random bytes, so a fast hash is enough. */
    secretHash: text('secret_hash'),
    /** argon2id of the helper's PIN. */
    pinHash: text('pin_hash'),
    failedPins: integer('failed_pins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
    lastUnlockedAt: timestamp('last_unlocked_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('helper_devices_commune_idx').on(t.communeId, t.issuedAt)],
);

/**
 * Every staff action, append-only: a trigger in the migration refuses UPDATE and DELETE (and TRUNCATE),
 * so not even the portal's own code can rewrite what happened. No foreign keys: an entry outlives its
 * actor's account and its dossier's housekeeping.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** The staff member (staff_users.id); null when nobody could be named (a failed sign-in's unknown name). */
    actorId: text('actor_id'),
    /** The helper device (helper_devices.id) whose PIN opened the session, when one did. */
    deviceId: text('device_id'),
    action: text('action').notNull(),
    dossierId: uuid('dossier_id'),
    submissionId: uuid('submission_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    clientAddress: text('client_address'),
  },
  (t) => [index('audit_events_actor_idx').on(t.actorId, t.occurredAt)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRoleGrant = typeof staffRoleGrants.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type HelperDevice = typeof helperDevices.$inferSelect;

/**
 * The province's own content (docs/adr/0030): one item per thing staff edit — a procedure's fact, a text in
 * one language, a commune, a playlist — keyed `kind` + `key` + `locale` ('' where the item has no language).
 * The catalogue in code stays the default; an item's published revision overrides it.
 */
export const contentItems = pgTable(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    locale: text('locale').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('content_items_key_idx').on(t.kind, t.key, t.locale)],
);

/**
 * Every version of an item: draft → in-review → published (or rejected). What a page shows is the latest
 * published revision whose `publishAt` has passed. Nothing is overwritten: a restore is a new revision.
 */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id),
    number: integer('number').notNull(),
    value: jsonb('value').$type<unknown>().notNull(),
    /** Why it changed, as the author wrote it. */
    note: text('note').notNull(),
    state: text('state', { enum: ['draft', 'in-review', 'published', 'rejected'] })
      .notNull()
      .default('draft'),
    authorId: text('author_id').notNull(),
    reviewerId: text('reviewer_id'),
    /** A fact's official source (decree or decision number, or URL) and the day it was checked. */
    source: text('source'),
    checkedOn: date('checked_on'),
    /** When it takes effect once approved: now, or a date the author scheduled. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The reviewer's reason, when rejected. */
    decisionNote: text('decision_note'),
  },
  (t) => [
    uniqueIndex('content_revisions_number_idx').on(t.itemId, t.number),
    index('content_revisions_state_idx').on(t.state, t.publishAt),
  ],
);

export type ContentItem = typeof contentItems.$inferSelect;
export type ContentRevision = typeof contentRevisions.$inferSelect;
