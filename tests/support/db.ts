import type { NewSubmission } from '@/db/queries/submissions';

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
    procedures: [
      { id: 'register-birth', version: 1 },
      { id: 'register-permanent-residence', version: 1 },
      { id: 'issue-child-health-insurance-card', version: 1 },
    ],
  };
}
