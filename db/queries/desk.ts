import { and, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { journeys } from '@/catalogue/forms/journeys';
import type { Database } from '../client';
import { dossiers, outboxMessages, submissions, uploadedFiles } from '../schema';
import { recordAudit } from './audit';
import { deliveryOf } from './outbox';

/**
 * The officer's desk (docs/adr/0027): a commune's dossiers found by reference, a person's name or a
 * citizen ID, opened with their answers and attachments, and the commune's delivery queue. Every query
 * here takes the communes the caller may see and never reads outside them; the page or action has
 * already checked the staff member's grants (lib/staff/session.ts).
 */

/** Every question that holds a person's name, or a citizen ID, in any journey: what "search" reads. */
function questionIdsOfKind(kind: 'name' | 'citizen-id'): string[] {
  const ids = new Set<string>();
  for (const journey of journeys) {
    for (const section of journey.sections) {
      for (const question of section.questions) if (question.kind === kind) ids.add(question.id);
    }
  }
  return [...ids].sort();
}
export const nameQuestionIds = questionIdsOfKind('name');
export const citizenIdQuestionIds = questionIdsOfKind('citizen-id');

/**
 * A name as an officer types it: no tone marks, đ as d, lower case, single spaces. "Lò Thị Mỷ", "lo thi my"
 * and "LÒ THỊ MỶ" all become "lo thi my", which is how a desk with a worn keyboard and no Telex finds them.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The same folding in SQL, as one `translate()`: every Latin letter with marks (and A–Z) mapped to its
 * plain lower-case letter, and combining marks deleted. Built from foldName itself, so the two cannot
 * drift apart; core PostgreSQL only (PGlite has no `unaccent`), and independent of the database's locale,
 * which decides what `lower()` does to "Đ".
 */
const [foldFrom, foldTo, foldDelete] = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [start, end] of ranges) {
    for (let code = start; code <= end; code += 1) {
      const char = String.fromCodePoint(code);
      const folded = foldName(char);
      if (folded.length === 1 && /[a-z]/.test(folded) && folded !== char) {
        from += char;
        to += folded;
      }
    }
  }
  let marks = '';
  for (let code = 0x300; code <= 0x36f; code += 1) marks += String.fromCodePoint(code);
  return [from, to, marks];
})();

/** `foldName` of a stored text answer, in SQL. */
function foldedAnswer(questionId: string): SQL {
  return sql`translate(${submissions.answers}->>${questionId}, ${foldFrom + foldDelete}, ${foldTo})`;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What the officer typed, read as what it can be: a reference, a 12-digit citizen ID, or part of a name. */
export interface DeskQuery {
  readonly reference: string | null;
  readonly citizenId: string | null;
  /** Folded; null when too short to search by (one letter would list half the commune). */
  readonly name: string | null;
}

export const NAME_QUERY_MIN = 2;

export function readDeskQuery(raw: string, parseReference: (input: string) => string | null): DeskQuery {
  const trimmed = raw.trim().slice(0, 100);
  const digits = trimmed.replace(/[\s.-]/g, '');
  const folded = foldName(trimmed);
  return {
    reference: parseReference(trimmed),
    citizenId: /^\d{12}$/.test(digits) ? digits : null,
    name: folded.length >= NAME_QUERY_MIN && !/^\d+$/.test(digits) ? folded : null,
  };
}

/** A dossier as a list shows it: the applicant's name, the ID masked by the page, where delivery stands. */
export interface DeskRow {
  readonly id: string;
  readonly reference: string;
  readonly journeyId: string;
  readonly officeCommuneId: string;
  readonly answers: Record<string, unknown>;
  readonly channel: string;
  readonly helperName: string | null;
  readonly submittedAt: Date;
  readonly originalsReceivedAt: Date | null;
  /** The least advanced delivery among its dossiers ('dead' before 'retrying' before 'waiting'). */
  readonly delivery: 'waiting' | 'retrying' | 'delivered' | 'dead';
  readonly provinceStatuses: readonly (string | null)[];
}

const deliveryRank = { dead: 0, retrying: 1, waiting: 2, delivered: 3 } as const;

async function withDelivery(db: Database, rows: (typeof submissions.$inferSelect)[]): Promise<DeskRow[]> {
  if (rows.length === 0) return [];
  const states = await db
    .select({
      submissionId: dossiers.submissionId,
      delivery: deliveryOf,
      provinceStatus: dossiers.provinceStatus,
    })
    .from(dossiers)
    .innerJoin(outboxMessages, eq(outboxMessages.dossierId, dossiers.id))
    .where(
      inArray(
        dossiers.submissionId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => {
    const own = states.filter((s) => s.submissionId === row.id);
    const delivery = own.reduce<DeskRow['delivery']>(
      (worst, s) => (deliveryRank[s.delivery] < deliveryRank[worst] ? s.delivery : worst),
      'delivered',
    );
    return {
      id: row.id,
      reference: row.reference,
      journeyId: row.journeyId,
      officeCommuneId: row.officeCommuneId,
      answers: row.answers,
      channel: row.channel,
      helperName: row.helperName,
      submittedAt: row.submittedAt,
      originalsReceivedAt: row.originalsReceivedAt,
      delivery,
      provinceStatuses: own.map((s) => s.provinceStatus),
    };
  });
}

export const DESK_LIMIT = 50;

/**
 * The dossiers of `communes` matching `query`, newest first; with nothing to search by, the latest ones.
 * A name matches anywhere in any name answer (the applicant, the child, a partner, the deceased…), folded.
 */
export async function searchDossiers(
  db: Database,
  communes: readonly string[],
  query: DeskQuery,
  limit = DESK_LIMIT,
): Promise<DeskRow[]> {
  if (communes.length === 0) return [];
  const matches: SQL[] = [];
  if (query.reference) matches.push(eq(submissions.reference, query.reference));
  if (query.citizenId) {
    for (const id of citizenIdQuestionIds) {
      matches.push(sql`${submissions.answers}->>${id} = ${query.citizenId}`);
    }
  }
  if (query.name) {
    const pattern = `%${likeEscape(query.name)}%`;
    for (const id of nameQuestionIds) matches.push(sql`${foldedAnswer(id)} like ${pattern}`);
  }
  const searching = query.reference !== null || query.citizenId !== null || query.name !== null;
  const rows = await db
    .select()
    .from(submissions)
    .where(and(inArray(submissions.officeCommuneId, [...communes]), searching ? or(...matches) : undefined))
    .orderBy(desc(submissions.submittedAt))
    .limit(limit);
  return withDelivery(db, rows);
}

/** One dossier, whole: the submission, its dossiers with their delivery, and its attachments' metadata. */
export async function openDossier(db: Database, reference: string) {
  const [submission] = await db
    .select()
    .from(submissions)
    .where(eq(submissions.reference, reference))
    .limit(1);
  if (!submission) return null;
  const [parts, files] = await Promise.all([
    db
      .select({
        id: dossiers.id,
        procedureId: dossiers.procedureId,
        provinceCode: dossiers.provinceCode,
        provinceStatus: dossiers.provinceStatus,
        delivery: deliveryOf,
        attempts: outboxMessages.attempts,
        lastError: outboxMessages.lastError,
      })
      .from(dossiers)
      .innerJoin(outboxMessages, eq(outboxMessages.dossierId, dossiers.id))
      .where(eq(dossiers.submissionId, submission.id)),
    db
      .select({
        id: uploadedFiles.id,
        questionId: uploadedFiles.questionId,
        fileName: uploadedFiles.fileName,
        mimeType: uploadedFiles.mimeType,
        size: uploadedFiles.size,
      })
      .from(uploadedFiles)
      .where(eq(uploadedFiles.draftId, submission.draftId)),
  ]);
  return { submission, dossiers: parts, files };
}

/** An attachment with the commune of the dossier it belongs to, or null: the file route checks the grant. */
export async function attachmentWithCommune(db: Database, fileId: string) {
  const [row] = await db
    .select({
      file: uploadedFiles,
      submissionId: submissions.id,
      reference: submissions.reference,
      officeCommuneId: submissions.officeCommuneId,
    })
    .from(uploadedFiles)
    .innerJoin(submissions, eq(submissions.draftId, uploadedFiles.draftId))
    .where(eq(uploadedFiles.id, fileId))
    .limit(1);
  return row ?? null;
}

/**
 * The officer saw the originals: recorded once, with the audit entry in the same transaction. Returns
 * false when they had already been recorded (a second click, or a colleague first), and records nothing.
 */
export async function markOriginalsReceived(
  db: Database,
  submissionId: string,
  actor: { readonly id: string; readonly clientAddress: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(submissions)
      .set({ originalsReceivedAt: new Date(), originalsReceivedBy: actor.id })
      .where(and(eq(submissions.id, submissionId), isNull(submissions.originalsReceivedAt)))
      .returning({ id: submissions.id });
    if (updated.length === 0) return false;
    await recordAudit(tx, {
      action: 'originals-received',
      actorId: actor.id,
      submissionId,
      clientAddress: actor.clientAddress,
    });
    return true;
  });
}

/** The communes' deliveries that have not gone through: waiting, retrying, dead — a desk's queue. */
export async function communeQueue(db: Database, communes: readonly string[], limit = DESK_LIMIT) {
  if (communes.length === 0) return [];
  return db
    .select({
      reference: submissions.reference,
      officeCommuneId: submissions.officeCommuneId,
      procedureId: dossiers.procedureId,
      delivery: deliveryOf,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      nextAttemptAt: outboxMessages.nextAttemptAt,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .innerJoin(dossiers, eq(dossiers.id, outboxMessages.dossierId))
    .innerJoin(submissions, eq(submissions.id, dossiers.submissionId))
    .where(and(inArray(submissions.officeCommuneId, [...communes]), ne(outboxMessages.status, 'delivered')))
    .orderBy(outboxMessages.createdAt)
    .limit(limit);
}
