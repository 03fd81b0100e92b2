import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/files/[fileId]/route';
import { connect } from '@/db/client';
import { createDraft } from '@/db/queries/drafts';
import { storeFile } from '@/db/queries/files';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { hashToken, SESSION_COOKIE } from '@/lib/session';
import { cookieJar, type CookieJar } from '../support/cookies';
import { databaseTargets } from '../support/db';

// An uploaded file (a birth certificate, an ID card photo) is shown only to the browser whose session owns
// its draft. The e2e "stranger" has no session at all; here two people each have a real session and a
// draft of their own, and B asks the route for A's file by its id.
let jar: CookieJar = cookieJar();
vi.mock('next/headers', () => ({ cookies: async () => jar.store }));

const tokenA = 'A'.repeat(43);
const tokenB = 'B'.repeat(43);
const content = new TextEncoder().encode('%PDF-1.7 the birth certificate of A');

async function fetchFileAs(token: string | null, fileId: string) {
  jar = cookieJar(token ? `${SESSION_COOKIE}=${token}` : '');
  return GET(new Request(`http://localhost/api/files/${fileId}`), {
    params: Promise.resolve({ fileId }),
  });
}

describe.each(databaseTargets)('an uploaded file on $name', ({ options }) => {
  const conn = connect(options);
  const global = globalThis as unknown as { motcuaDb?: unknown };
  let fileOfA = '';

  beforeAll(async () => {
    // The route reads the process's one connection; point it at this target.
    global.motcuaDb = conn;
    await conn.migrate();
    await seed(conn.db);
    const draft = (sessionHash: string) =>
      createDraft(conn.db, {
        sessionHash,
        journeyId: 'birth-bundle',
        journeyVersion: 1,
        resumeCode: randomCode(),
        lifetimeDays: 30,
      });
    const draftA = await draft(hashToken(tokenA));
    await draft(hashToken(tokenB));
    fileOfA = await storeFile(conn.db, {
      draftId: draftA.id,
      questionId: 'birth-certificate',
      fileName: 'giay-chung-sinh.pdf',
      mimeType: 'application/pdf',
      size: content.length,
      sha256: '0'.repeat(64),
      content,
      sensitive: true,
    });
  });
  afterAll(async () => {
    delete global.motcuaDb;
    await conn.close();
  });

  it('is served to the session that uploaded it', async () => {
    const response = await fetchFileAs(tokenA, fileOfA);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(content);
  });

  it('is not found for another person with a session and a draft of their own', async () => {
    const response = await fetchFileAs(tokenB, fileOfA);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('birth certificate');
  });

  it('is not found without a session, or by a malformed id', async () => {
    expect((await fetchFileAs(null, fileOfA)).status).toBe(404);
    expect((await fetchFileAs(tokenA, `${fileOfA}x`)).status).toBe(404);
  });
});
