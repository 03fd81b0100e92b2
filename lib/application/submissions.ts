import { database } from '@/db/prepare';
import { dossiersOf, findSubmissionByReference } from '@/db/queries/submissions';
import { parseCode } from '@/lib/codes';
import { inJourneyOrder } from '@/lib/dossierOrder';

/** A submission and its dossiers by the reference as typed or scanned, or null if there is none. */
export async function loadSubmission(rawReference: string) {
  const reference = parseCode(rawReference);
  if (!reference) return null;
  const db = await database();
  const submission = await findSubmissionByReference(db, reference);
  return submission
    ? { submission, dossiers: inJourneyOrder(submission.journeyId, await dossiersOf(db, submission.id)) }
    : null;
}
