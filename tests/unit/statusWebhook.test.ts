import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sign } from '@/adapters/province/signing';
import { POST } from '@/app/api/province/status/route';
import { dossiers, dossierStatusEvents } from '@/db/schema';
import { database } from '@/db/prepare';
import { readBounded } from '@/lib/boundedBody';
import { submitBundles } from '../support/db';

// The province's status webhook, called as Next.js calls it (a Request), on the portal's own database
// (PGlite in memory here).

const SECRET = 'dev-webhook-secret';
const url = 'http://127.0.0.1/api/province/status';

/** A body of `total` bytes handed out in 64 KiB chunks, counting what the reader actually pulled. */
function countedStream(total: number) {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      // Nothing is pulled until someone reads.
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

function signedPush(body: string, timestamp = String(Date.now())) {
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': sign(SECRET, timestamp, body),
    },
    body,
  });
}

describe('reading a bounded body', () => {
  it('stops reading past the cap instead of buffering the whole body', async () => {
    const { stream, counter } = countedStream(60 * 1024 * 1024);
    expect(await readBounded(stream, 64 * 1024)).toEqual({ ok: false });
    expect(counter.pulled).toBeLessThanOrEqual(3 * 64 * 1024);
  });
  it('returns a body within the cap whole', async () => {
    const body = new Response('{"a":"ả"}').body;
    expect(await readBounded(body, 64)).toEqual({ ok: true, text: '{"a":"ả"}' });
  });
});

describe('the status webhook', () => {
  let code: string;
  beforeAll(async () => {
    const db = await database();
    const [submissionId] = await submitBundles(db, 1);
    code = `000.00.53.H48-261202-${String(Date.now()).slice(-6)}`;
    const [first] = await db.select().from(dossiers).where(eq(dossiers.submissionId, submissionId!));
    await db.update(dossiers).set({ provinceCode: code }).where(eq(dossiers.id, first!.id));
  });

  it('an unsigned chunked 60 MB body is refused without being read to its end', async () => {
    const { stream, counter } = countedStream(60 * 1024 * 1024);
    const timestamp = String(Date.now());
    const response = await POST(
      new Request(url, {
        method: 'POST',
        headers: { 'x-timestamp': timestamp, 'x-signature': 'a'.repeat(64) },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(3 * 64 * 1024);
  });

  it('a stale or missing timestamp is refused before the body is read', async () => {
    for (const timestamp of [String(Date.now() - 10 * 60_000), '']) {
      const { stream, counter } = countedStream(1024 * 1024);
      const response = await POST(
        new Request(url, {
          method: 'POST',
          headers: { 'x-timestamp': timestamp, 'x-signature': 'a'.repeat(64) },
          body: stream,
          duplex: 'half',
        } as RequestInit),
      );
      expect(response.status).toBe(401);
      expect(counter.pulled, timestamp).toBe(0);
    }
  });

  it('a signed push with no history, repeated, adds one status event', async () => {
    const db = await database();
    const body = JSON.stringify({ MaHoSo: code, TrangThaiHoSo: 4, NhatKy: [] });
    const first = await POST(signedPush(body));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ recorded: 1 });
    for (let i = 0; i < 3; i += 1) {
      const again = await POST(signedPush(body));
      expect(await again.json()).toEqual({ recorded: 0 });
    }
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.provinceCode, code));
    const events = await db
      .select()
      .from(dossierStatusEvents)
      .where(eq(dossierStatusEvents.dossierId, dossier!.id));
    expect(events.map((e) => e.status)).toEqual(['processing']);
  });

  it('a NUL or other control character in a note is removed, never a 500', async () => {
    const db = await database();
    const body = JSON.stringify({
      MaHoSo: code,
      TrangThaiHoSo: 5,
      NhatKy: [
        {
          TrangThai: 5,
          ThoiGian: '2026-12-01T03:00:00+07:00',
          GhiChu: 'Bổ sung\u0000 giấy\u001b tờ\nkhai sinh',
        },
      ],
    });
    const response = await POST(signedPush(body));
    expect(response.status).toBe(200);
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.provinceCode, code));
    const [event] = await db
      .select()
      .from(dossierStatusEvents)
      .where(
        and(
          eq(dossierStatusEvents.dossierId, dossier!.id),
          eq(dossierStatusEvents.status, 'more-documents-needed'),
        ),
      );
    expect(event?.note).toBe('Bổ sung giấy tờ\nkhai sinh');
    const withNulCode = JSON.stringify({ MaHoSo: `${code}\u0000`, TrangThaiHoSo: 5, NhatKy: [] });
    expect((await POST(signedPush(withNulCode))).status).toBe(404);
  });
});
