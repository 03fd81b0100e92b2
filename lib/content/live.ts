import { unstable_cache } from 'next/cache';
import { findProcedure, type CatalogueProcedure } from '@/catalogue';
import { database } from '@/db/prepare';
import { publishedContent, type Published } from '@/db/queries/content';
import { FACT_KIND, withPublishedFacts } from './facts';

/**
 * What the public pages read of the province's content (docs/adr/0030). Pages stay prerendered: the read
 * is cached under one tag, which publishing revalidates on every instance (lib/content/watch.ts), so a
 * page is rendered again on its next visit and never before. At build time there is no database to read:
 * pages are built with the catalogue's values, and each instance revalidates once it starts if anything
 * is published (the watcher's first look).
 */
export const CONTENT_TAG = 'content';

// Called at build time too, with nothing to read: the call is what tags the prerendered page.
const readPublished = unstable_cache(
  async (kind: string): Promise<Published[]> =>
    process.env.NEXT_PHASE === 'phase-production-build' ? [] : publishedContent(await database(), kind),
  ['published-content'],
  { tags: [CONTENT_TAG] },
);

export async function livePublished(kind: string): Promise<readonly Published[]> {
  return readPublished(kind);
}

/** A procedure as its guide, leaflet and receipt show it: the catalogue with its published facts. */
export async function liveProcedure(id: string): Promise<CatalogueProcedure | undefined> {
  const procedure = findProcedure(id);
  return procedure && withPublishedFacts(procedure, await livePublished(FACT_KIND));
}
