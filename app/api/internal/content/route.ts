import { revalidateTag } from 'next/cache';
import { CONTENT_TAG } from '@/lib/content/live';
import { isOwnRevalidation, REVALIDATION_HEADER } from '@/lib/content/watch';

/**
 * This instance's content watcher asks here to revalidate its pages (Next.js revalidates only inside a
 * request). Anyone else gets a 404: the secret is the process's own, and never leaves it.
 */
export async function POST(request: Request) {
  if (!isOwnRevalidation(request.headers.get(REVALIDATION_HEADER))) {
    return new Response(null, { status: 404 });
  }
  // Expired at once, not stale-while-revalidate: the next visit renders the published value.
  revalidateTag(CONTENT_TAG, { expire: 0 });
  return new Response(null, { status: 204 });
}
