import type { Database } from '@/db/client';
import { createDraft } from '@/db/queries/drafts';
import { submitDraft, type NewSubmission } from '@/db/queries/submissions';
import { randomCode } from '@/lib/codes';

/**
 * The databases the unit tests run against: PGlite in memory always, and the real PostgreSQL database
 * that scripts/test-all.sh creates for this run (TEST_DATABASE_URL). No mocks.
 */
export const databaseTargets = [
  { name: 'PGlite', options: { pgliteDir: 'memory://', databaseUrl: '' } },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', options: { databaseUrl: process.env.TEST_DATABASE_URL } }]
    : []),
];

/** A birth-bundle submission for a draft: three procedures, so three dossiers and outbox rows. */
export function birthBundleSubmission(draftId: string, answers: Record<string, unknown> = {}): NewSubmission {
  return {
    draftId,
    journeyId: 'birth-bundle',
    journeyVersion: 1,
    answers,
    officeCommuneId: 'tan-quang',
    phoneLast4: '5678',
    cidLast4: '2345',
    trackingKey: `K${draftId.replace(/-/g, '').slice(0, 19)}`,
    procedures: [
      { id: 'register-birth', version: 1 },
      { id: 'register-permanent-residence', version: 1 },
      { id: 'issue-child-health-insurance-card', version: 1 },
    ],
  };
}

/**
 * Like `databaseTargets`, but the PostgreSQL target is a database of this file's own (created in
 * `create`, dropped in `drop`), for tests that drain the whole outbox and must not take another file's rows.
 */
export function isolatedTargets(label: string) {
  return databaseTargets.map((target) => {
    if (!target.options.databaseUrl) {
      return {
        ...target,
        create: async (): Promise<void> => undefined,
        drop: async (): Promise<void> => undefined,
      };
    }
    const base = new URL(target.options.databaseUrl);
    const name = `${base.pathname.slice(1)}_${label}_${process.pid}`
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_');
    const own = new URL(base);
    own.pathname = `/${name}`;
    const admin = async (statement: string): Promise<void> => {
      const { default: postgres } = await import('postgres');
      const sql = postgres(base.toString(), { max: 1, onnotice: () => undefined });
      try {
        await sql.unsafe(statement);
      } finally {
        await sql.end();
      }
    };
    return {
      name: target.name,
      options: { databaseUrl: own.toString() },
      create: (): Promise<void> => admin(`create database "${name}"`),
      drop: (): Promise<void> => admin(`drop database if exists "${name}" with (force)`),
    };
  });
}

/** `n` birth-bundle submissions (three dossiers and outbox rows each), committed as the portal does; their ids. */
export async function submitBundles(
  db: Database,
  n: number,
  answers: Record<string, unknown> = { 'applicant-name': 'Lò Văn Páo' },
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const draft = await createDraft(db, {
      sessionHash: 's'.repeat(64),
      journeyId: 'birth-bundle',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays: 30,
    });
    const { submission } = await submitDraft(
      db,
      birthBundleSubmission(draft.id, answers),
      randomCode,
      's'.repeat(64),
    );
    ids.push(submission.id);
  }
  return ids;
}
