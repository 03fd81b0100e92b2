import { and, desc, eq, isNotNull, lt, lte, max, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { contentItems, contentRevisions, type ContentRevision } from '../schema';
import { recordAudit } from './audit';

/**
 * The province's content and its review (docs/adr/0030): revisions of an item go draft → in-review →
 * published (or rejected), each step audited in its transaction; what is shown is an item's latest
 * published revision whose time has come. The value's shape is the caller's (lib/content/): here it is
 * JSON. Who may call what (the grants) is the staff area's check; the rule that nobody approves their own
 * change is enforced here, where every road to publishing passes.
 */

/** The notification channel publishing speaks on, and every instance listens to. */
export const CONTENT_CHANNEL = 'motcua_content';

export interface ContentKey {
  readonly kind: string;
  readonly key: string;
  /** '' for an item that has no language (a fee, a commune). */
  readonly locale?: string;
}

export interface NewRevision extends ContentKey {
  readonly value: unknown;
  readonly note: string;
  readonly authorId: string;
  readonly source?: string | null;
  readonly checkedOn?: string | null;
  readonly publishAt?: Date | null;
  /** Straight to the reviewers' queue, in the same transaction (a translation is sent as it is written). */
  readonly submit?: boolean;
}

/**
 * A new draft of the item (made on its first draft), numbered after the item's last revision; sent for
 * review with it when `submit` says so.
 */
export async function draftRevision(db: Database, draft: NewRevision): Promise<ContentRevision> {
  return db.transaction(async (tx) => {
    const locale = draft.locale ?? '';
    await tx.insert(contentItems).values({ kind: draft.kind, key: draft.key, locale }).onConflictDoNothing();
    const [item] = await tx
      .select({ id: contentItems.id })
      .from(contentItems)
      .where(
        and(
          eq(contentItems.kind, draft.kind),
          eq(contentItems.key, draft.key),
          eq(contentItems.locale, locale),
        ),
      )
      // Revisions of one item are numbered one at a time: the item's row is the lock.
      .for('update');
    const [last] = await tx
      .select({ n: max(contentRevisions.number) })
      .from(contentRevisions)
      .where(eq(contentRevisions.itemId, item!.id));
    const [revision] = await tx
      .insert(contentRevisions)
      .values({
        itemId: item!.id,
        number: (last?.n ?? 0) + 1,
        value: draft.value,
        note: draft.note,
        authorId: draft.authorId,
        source: draft.source ?? null,
        checkedOn: draft.checkedOn ?? null,
        publishAt: draft.publishAt ?? null,
        ...(draft.submit && { state: 'in-review' as const, submittedAt: new Date() }),
      })
      .returning();
    await recordAudit(tx, {
      action: 'content-drafted',
      actorId: draft.authorId,
      detail: { kind: draft.kind, key: draft.key, locale, revision: revision!.number },
    });
    if (draft.submit) {
      await supersedeEarlier(tx, item!.id, revision!.number, revision!.submittedAt ?? new Date());
      await recordAudit(tx, {
        action: 'content-submitted',
        actorId: draft.authorId,
        detail: { revisionId: revision!.id, revision: revision!.number },
      });
    }
    return revision!;
  });
}

/** The reviewer's note on a revision set aside because a newer one of its item went to review. */
export const SUPERSEDED_NOTE = 'superseded';

/**
 * Sets aside what waits in review of `itemId` before revision `number`: once a newer change of an item is
 * sent, approving the older one would publish it over the newer (the latest approved wins). Audited as
 * rejected, by nobody, with the newer revision's number.
 */
async function supersedeEarlier(
  tx: Pick<Database, 'update' | 'insert'>,
  itemId: string,
  number: number,
  now: Date,
): Promise<void> {
  const setAside = await tx
    .update(contentRevisions)
    .set({ state: 'rejected', decidedAt: now, decisionNote: `${SUPERSEDED_NOTE}:${number}` })
    .where(
      and(
        eq(contentRevisions.itemId, itemId),
        eq(contentRevisions.state, 'in-review'),
        lt(contentRevisions.number, number),
      ),
    )
    .returning({ id: contentRevisions.id, number: contentRevisions.number });
  for (const old of setAside) {
    await recordAudit(tx, {
      action: 'content-rejected',
      actorId: null,
      detail: { revisionId: old.id, revision: old.number, supersededBy: number },
    });
  }
}

export type ReviewOutcome =
  | { readonly ok: true; readonly revision: ContentRevision }
  | {
      readonly ok: false;
      readonly refused: 'not-found' | 'not-yours' | 'own-change' | 'not-in-review' | 'not-a-draft';
    };

/** The author sends their draft for review; it shows in the reviewers' queue at once. */
export async function submitForReview(
  db: Database,
  revisionId: string,
  authorId: string,
  now = new Date(),
): Promise<ReviewOutcome> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(contentRevisions).where(eq(contentRevisions.id, revisionId));
    if (!found) return { ok: false, refused: 'not-found' };
    if (found.authorId !== authorId) return { ok: false, refused: 'not-yours' };
    const [moved] = await tx
      .update(contentRevisions)
      .set({ state: 'in-review', submittedAt: now })
      .where(and(eq(contentRevisions.id, revisionId), eq(contentRevisions.state, 'draft')))
      .returning();
    if (!moved) return { ok: false, refused: 'not-a-draft' };
    await supersedeEarlier(tx, moved.itemId, moved.number, now);
    await recordAudit(tx, {
      action: 'content-submitted',
      actorId: authorId,
      detail: { revisionId, revision: moved.number },
    });
    return { ok: true, revision: moved };
  });
}

/**
 * A reviewer's decision. Approved, the revision is published at its scheduled time or now; rejected, it
 * stays in the history with the reviewer's reason. Never by its own author; only from review, once
 * (two reviewers deciding at once: one decision counts, the other is told it is no longer in review).
 */
export async function decideRevision(
  db: Database,
  decision: {
    readonly revisionId: string;
    readonly reviewerId: string;
    readonly approve: boolean;
    readonly note?: string;
    readonly now?: Date;
  },
): Promise<ReviewOutcome> {
  const now = decision.now ?? new Date();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(contentRevisions)
      .where(eq(contentRevisions.id, decision.revisionId));
    if (!found) return { ok: false, refused: 'not-found' };
    if (found.authorId === decision.reviewerId) return { ok: false, refused: 'own-change' };
    const [decided] = await tx
      .update(contentRevisions)
      .set({
        state: decision.approve ? 'published' : 'rejected',
        reviewerId: decision.reviewerId,
        decidedAt: now,
        decisionNote: decision.note ?? null,
        ...(decision.approve && {
          publishAt: sql`coalesce(${contentRevisions.publishAt}, ${now.toISOString()}::timestamptz)`,
        }),
      })
      .where(and(eq(contentRevisions.id, decision.revisionId), eq(contentRevisions.state, 'in-review')))
      .returning();
    if (!decided) return { ok: false, refused: 'not-in-review' };
    // Delivered at commit to every instance that listens (lib/content/watch.ts): each revalidates its pages.
    if (decision.approve) await tx.execute(sql`select pg_notify(${CONTENT_CHANNEL}, ${decided.id})`);
    await recordAudit(tx, {
      action: decision.approve ? 'content-published' : 'content-rejected',
      actorId: decision.reviewerId,
      detail: { revisionId: decided.id, revision: decided.number, authorId: decided.authorId },
    });
    return { ok: true, revision: decided };
  });
}

/** A new draft carrying an earlier revision's value, source and check date: a restore is reviewed too. */
export async function restoreRevision(
  db: Database,
  revisionId: string,
  authorId: string,
): Promise<ContentRevision | null> {
  const [old] = await db
    .select({ revision: contentRevisions, item: contentItems })
    .from(contentRevisions)
    .innerJoin(contentItems, eq(contentItems.id, contentRevisions.itemId))
    .where(eq(contentRevisions.id, revisionId));
  if (!old) return null;
  return draftRevision(db, {
    kind: old.item.kind,
    key: old.item.key,
    locale: old.item.locale,
    value: old.revision.value,
    source: old.revision.source,
    checkedOn: old.revision.checkedOn,
    note: `restore:${old.revision.number}`,
    authorId,
  });
}

export interface Published {
  readonly key: string;
  readonly locale: string;
  readonly value: unknown;
  readonly source: string | null;
  readonly checkedOn: string | null;
  readonly publishedAt: Date;
}

/** What is live now for every item of `kind`: each item's latest published revision whose time has come. */
export async function publishedContent(db: Database, kind: string, now = new Date()): Promise<Published[]> {
  const rows = await db
    .selectDistinctOn([contentRevisions.itemId], {
      key: contentItems.key,
      locale: contentItems.locale,
      value: contentRevisions.value,
      source: contentRevisions.source,
      checkedOn: contentRevisions.checkedOn,
      publishedAt: contentRevisions.publishAt,
    })
    .from(contentRevisions)
    .innerJoin(contentItems, eq(contentItems.id, contentRevisions.itemId))
    .where(
      and(
        eq(contentItems.kind, kind),
        eq(contentRevisions.state, 'published'),
        isNotNull(contentRevisions.publishAt),
        lte(contentRevisions.publishAt, now),
      ),
    )
    .orderBy(contentRevisions.itemId, desc(contentRevisions.publishAt), desc(contentRevisions.number));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** Everything waiting for a reviewer, oldest first: the queue the reviewer sees. */
export async function awaitingReview(db: Database) {
  return db
    .select({ revision: contentRevisions, item: contentItems })
    .from(contentRevisions)
    .innerJoin(contentItems, eq(contentItems.id, contentRevisions.itemId))
    .where(eq(contentRevisions.state, 'in-review'))
    .orderBy(contentRevisions.submittedAt);
}

/** How many revisions await a reviewer: the count the staff pages show beside the review link. */
export async function awaitingReviewCount(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contentRevisions)
    .where(eq(contentRevisions.state, 'in-review'));
  return row?.n ?? 0;
}

/** The keys of `kind` with a revision in review: the list marks them. */
export async function keysInReview(db: Database, kind: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ key: contentItems.key })
    .from(contentRevisions)
    .innerJoin(contentItems, eq(contentItems.id, contentRevisions.itemId))
    .where(and(eq(contentItems.kind, kind), eq(contentRevisions.state, 'in-review')));
  return new Set(rows.map((r) => r.key));
}

/** The latest revision in review of each item of `kind` in `locale`, by key: what a translator has sent. */
export async function inReviewByKey(
  db: Database,
  kind: string,
  locale: string,
): Promise<Map<string, ContentRevision>> {
  const rows = await db
    .selectDistinctOn([contentRevisions.itemId], { key: contentItems.key, revision: contentRevisions })
    .from(contentRevisions)
    .innerJoin(contentItems, eq(contentItems.id, contentRevisions.itemId))
    .where(
      and(
        eq(contentItems.kind, kind),
        eq(contentItems.locale, locale),
        eq(contentRevisions.state, 'in-review'),
      ),
    )
    .orderBy(contentRevisions.itemId, desc(contentRevisions.number));
  return new Map(rows.map((r) => [r.key, r.revision]));
}

/** One revision with its item, or null. */
export async function findRevision(db: Database, revisionId: string) {
  const [row] = await db
    .select({ revision: contentRevisions, item: contentItems })
    .from(contentRevisions)
    .innerJoin(contentItems, eq(contentItems.id, contentRevisions.itemId))
    .where(eq(contentRevisions.id, revisionId));
  return row ?? null;
}

/** An item's revisions, newest first: its history, to compare and restore. */
export async function contentHistory(db: Database, item: ContentKey): Promise<ContentRevision[]> {
  return db
    .select({ revision: contentRevisions })
    .from(contentRevisions)
    .innerJoin(contentItems, eq(contentItems.id, contentRevisions.itemId))
    .where(
      and(
        eq(contentItems.kind, item.kind),
        eq(contentItems.key, item.key),
        eq(contentItems.locale, item.locale ?? ''),
      ),
    )
    .orderBy(desc(contentRevisions.number))
    .then((rows) => rows.map((r) => r.revision));
}

/**
 * A figure that changes whenever what is live changes: a publication, or a scheduled one whose time has
 * come. Instances compare it between polls (the fallback for a missed notification) to know when to
 * revalidate their pages.
 */
export async function contentGeneration(db: Database, now = new Date()): Promise<string> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, at: max(contentRevisions.publishAt) })
    .from(contentRevisions)
    .where(and(eq(contentRevisions.state, 'published'), lte(contentRevisions.publishAt, now)));
  return `${row?.n ?? 0}:${row?.at ? new Date(row.at).toISOString() : ''}`;
}
