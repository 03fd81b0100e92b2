import { and, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../client';
import { dossiers, helperDevices, receiptReferences, submissions, type Submission } from '../schema';
import { recordAudit } from './audit';
import { insertSubmission, type NewSubmission } from './submissions';

/**
 * Dossiers captured offline on a helper device (docs/adr/0029): the block of receipt references the
 * device holds, so a slip printed in a village hall is final, and the idempotent commit of a synced
 * dossier under its client UUID.
 */

/** How many unused references a device is topped up to while it is online: a long day in a hall. */
export const REFERENCE_BLOCK = 25;

/**
 * Tops the device's unused references up to `size` and returns every unused one it holds. Each is a row
 * of receipt_references, whose primary key every online submission's reference enters too: a reference
 * is handed out once, to one device or one online receipt, never both. A top-up is audited, for
 * `actorId` (the device's holder): which device was given how many numbers, and when.
 */
export async function reserveReferences(
  db: Database,
  deviceId: string,
  newReference: () => string,
  size = REFERENCE_BLOCK,
  actorId: string | null = null,
): Promise<string[]> {
  const unused = () =>
    db
      .select({ reference: receiptReferences.reference })
      .from(receiptReferences)
      .where(and(eq(receiptReferences.deviceId, deviceId), isNull(receiptReferences.usedAt)))
      .orderBy(receiptReferences.reservedAt, receiptReferences.reference);
  const [held] = await db
    .select({ n: count() })
    .from(receiptReferences)
    .where(and(eq(receiptReferences.deviceId, deviceId), isNull(receiptReferences.usedAt)));
  // The numbers and their audit entry together: a crash leaves both or neither.
  await db.transaction(async (tx) => {
    let missing = size - (held?.n ?? 0);
    let added = 0;
    for (let tries = 0; missing > 0 && tries < size * 4; tries += 1) {
      const [taken] = await tx
        .insert(receiptReferences)
        .values({ reference: newReference(), deviceId })
        .onConflictDoNothing()
        .returning({ reference: receiptReferences.reference });
      if (taken) {
        missing -= 1;
        added += 1;
      }
    }
    if (added > 0) {
      await recordAudit(tx, { action: 'references-reserved', actorId, deviceId, detail: { count: added } });
    }
  });
  return (await unused()).map((row) => row.reference);
}

/** Thrown inside the commit's transaction to give the reference's claim back. */
class UuidTaken extends Error {}

export type OfflineCommit =
  | { readonly kind: 'created' | 'same'; readonly submission: Submission }
  /** Another content, or another device, under this client UUID. */
  | { readonly kind: 'conflict' }
  /** The reference is not one this device holds unused. */
  | { readonly kind: 'reference' };

/**
 * Commits a synced dossier once per client UUID (the submission's draft id), with the reference the
 * device printed: the same content again finds the first submission ("same", the same receipt); other
 * content, or another device, under a used UUID is a conflict. The reference is claimed first, under its
 * row's lock: a copy of a committed request finds it used, then the first one's submission; a request
 * whose UUID is already committed under another reference gives its claim back (the rollback) and is
 * judged against that submission. Two copies racing each other commit one submission either way.
 *
 * A laptop enrolled again after its revocation is a new device holding the old one's queue: the
 * references and dossiers of its holder's revoked devices count as its own, so nothing the revoked
 * device captured is lost (docs/adr/0029). A live device's never do: two devices in use keep apart.
 */
export async function commitOfflineSubmission(
  db: Database,
  sync: {
    readonly deviceId: string;
    /** The device's holder. */
    readonly userId: string;
    readonly clientId: string;
    readonly contentHash: string;
    readonly reference: string;
    readonly submission: Omit<NewSubmission, 'draftId'>;
  },
): Promise<OfflineCommit> {
  const revoked = await db
    .select({ id: helperDevices.id })
    .from(helperDevices)
    .where(and(eq(helperDevices.userId, sync.userId), isNotNull(helperDevices.revokedAt)));
  const own = [sync.deviceId, ...revoked.map((d) => d.id)];
  const committed = await db
    .transaction(async (tx) => {
      const [claimed] = await tx
        .update(receiptReferences)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(receiptReferences.reference, sync.reference),
            inArray(receiptReferences.deviceId, own),
            isNull(receiptReferences.usedAt),
          ),
        )
        .returning({ reference: receiptReferences.reference });
      if (!claimed) return null;
      const row = await insertSubmission(tx, { ...sync.submission, draftId: sync.clientId }, sync.reference, {
        deviceId: sync.deviceId,
        contentHash: sync.contentHash,
      });
      // The UUID was committed meanwhile under another reference: undo the claim, judge that one below.
      if (!row) throw new UuidTaken();
      return row;
    })
    .catch((error: unknown) => {
      if (error instanceof UuidTaken) return null;
      throw error;
    });
  if (committed) return { kind: 'created', submission: committed };
  const raced = await findByClient(db, sync.clientId);
  return raced ? judge(raced, own, sync.contentHash) : { kind: 'reference' };
}

function judge(existing: Submission, own: readonly string[], contentHash: string): OfflineCommit {
  return own.includes(existing.offlineDeviceId ?? '') && existing.offlineContentHash === contentHash
    ? { kind: 'same', submission: existing }
    : { kind: 'conflict' };
}

async function findByClient(db: Database, clientId: string): Promise<Submission | undefined> {
  const [row] = await db.select().from(submissions).where(eq(submissions.draftId, clientId));
  return row;
}

/** References a device may ask about at once: a day's work and then some. */
export const STATUS_QUERY_MAX = 200;

/**
 * The province's statuses of the dossiers this device synced, by reference (docs/adr/0029): what lets the
 * helper see, on the device, which villager was sent back for more documents. Only the device's own:
 * another device's references (or a guessed one) answer nothing.
 */
export async function deviceDossierStatuses(
  db: Database,
  deviceId: string,
  references: readonly string[],
): Promise<Record<string, (string | null)[]>> {
  if (references.length === 0) return {};
  const rows = await db
    .select({ reference: submissions.reference, status: dossiers.provinceStatus })
    .from(submissions)
    .innerJoin(dossiers, eq(dossiers.submissionId, submissions.id))
    .where(
      and(
        eq(submissions.offlineDeviceId, deviceId),
        inArray(submissions.reference, references.slice(0, STATUS_QUERY_MAX)),
      ),
    );
  const statuses: Record<string, (string | null)[]> = {};
  for (const row of rows) (statuses[row.reference] ??= []).push(row.status);
  return statuses;
}
