import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { connect } from '@/db/client';
import { revokeDevice } from '@/db/queries/devices';
import { reserveReferences } from '@/db/queries/offline';
import { auditEvents, submissions, uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { photoUploadId } from '@/lib/helperApp/uploadId';
import { helperUploadServer, UPLOAD_PATH } from '@/lib/helperUploads';
import { syncDossier } from '@/lib/offlineSync';
import { deviceCookieValue, DEVICE_COOKIE } from '@/lib/staff/devices';
import { databaseTargets } from '../support/db';
import { birthAnswers, enrolledHelper } from '../support/offline';

// A helper device's photos by the tus protocol (docs/adr/0029), against the real database on both drivers:
// an upload resumes where it stopped, only an enrolled device may send one, the complete file is decoded
// and re-encoded like the online form's, and the dossier's sync finds it there.

const ORIGIN = 'http://127.0.0.1:3000';
const meta = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

const atClinic = birthAnswers('health-facility');

describe.each(databaseTargets)('helper photo uploads on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  const parts = mkdtempSync(path.join(tmpdir(), 'upload-parts-'));
  const server = helperUploadServer(async () => db, parts);
  const suffix = `${process.pid}${Date.now().toString(36)}`.slice(-10);
  let cookie = '';
  let device = { deviceId: '', secret: '' };
  let photo: Buffer;

  const tus = (method: string, url: string, headers: Record<string, string> = {}, body?: Uint8Array) =>
    server.handleWeb(
      new Request(new URL(url, ORIGIN), {
        method,
        headers: { 'Tus-Resumable': '1.0.0', cookie, ...headers },
        body: body ? new Uint8Array(body) : undefined,
      }),
    );
  /** Creates an upload; with `bytes`, sent with its creation (tus creation-with-upload). */
  const create = (clientId: string, length: number, extra: Record<string, string> = {}, bytes?: Uint8Array) =>
    tus(
      'POST',
      UPLOAD_PATH,
      {
        'Upload-Length': String(length),
        'Upload-Metadata': meta({
          clientId,
          journeyId: 'register-birth',
          questionId: 'birth-notice',
          filename: 'giay-chung-sinh.jpg',
          ...extra,
        }),
        ...(bytes && { 'Content-Type': 'application/offset+octet-stream' }),
      },
      bytes,
    );
  const append = (location: string, offset: number, bytes: Uint8Array) =>
    tus(
      'PATCH',
      location,
      { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      bytes,
    );

  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
    ({ device } = await enrolledHelper(db, `photo.${suffix}`));
    cookie = `${DEVICE_COOKIE}=${deviceCookieValue(device.deviceId, device.secret)}`;
    // A phone photo with EXIF (the position phones record), which the stored copy must not keep.
    photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c0d0e0' } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Copyright: 'GPS 22.8 104.9' } })
      .toBuffer();
  });
  afterAll(async () => {
    await conn.close();
    rmSync(parts, { recursive: true, force: true });
  });

  it('resumes where the link dropped, then stores the re-encoded photo for its dossier and question', async () => {
    const clientId = randomUUID();
    const created = await create(clientId, photo.byteLength);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location.startsWith('/api/helper/v1/uploads/')).toBe(true);
    const half = Math.floor(photo.byteLength / 2);
    expect((await append(location, 0, photo.subarray(0, half))).status).toBe(204);
    // The connection dropped: the device asks how far the portal got, and goes on from there.
    const head = await tus('HEAD', location);
    expect(head.headers.get('upload-offset')).toBe(String(half));
    // A part sent again at the wrong offset is refused, never appended twice.
    expect((await append(location, 0, photo.subarray(0, half))).status).toBe(409);
    const done = await append(location, half, photo.subarray(half));
    expect(done.status).toBe(204);
    const fileId = done.headers.get('upload-file-id');
    const [stored] = await db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, clientId));
    expect(stored).toMatchObject({ id: fileId, questionId: 'birth-notice', mimeType: 'image/jpeg' });
    expect(Buffer.from(stored!.content).includes(Buffer.from('GPS 22.8'))).toBe(false);
    // Audited with the device that sent it, and nothing of the photo but its size.
    const received = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'photo-received'), eq(auditEvents.deviceId, device.deviceId)));
    expect(received.map((e) => e.detail)).toContainEqual({
      clientId,
      questionId: 'birth-notice',
      bytes: stored!.size,
    });

    // The dossier synced after it carries the photo as its answer, and passes the online rules.
    const [reference] = await reserveReferences(db, device.deviceId, () => randomCode(), 1);
    const synced = await syncDossier(db, {
      cookie: device,
      locale: 'vi',
      text: JSON.stringify({
        clientId,
        reference,
        journeyId: 'register-birth',
        journeyVersion: 1,
        answers: atClinic,
        place: { kind: 'village-hall', name: 'Nhà văn hoá bản Khun' },
        consentReadIn: 'hmn',
        capturedAt: new Date().toISOString(),
      }),
    });
    expect(synced.status).toBe(201);
    const [row] = await db.select().from(submissions).where(eq(submissions.draftId, clientId));
    expect((row!.answers as Record<string, { fileId?: string }>)['birth-notice']?.fileId).toBe(fileId);

    // Committed: no other photo goes under its UUID.
    expect((await create(clientId, photo.byteLength)).status).toBe(409);
  });

  it('names an upload from what the device knows, so a lost answer to its creation costs no resend', async () => {
    const clientId = randomUUID();
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const known = `${UPLOAD_PATH}/${await photoUploadId(clientId, 'birth-notice', sha256)}`;
    const half = Math.floor(photo.byteLength / 2);
    // Created with its first half on board; the answer never reaches the device.
    const created = await create(clientId, photo.byteLength, { sha256 }, photo.subarray(0, half));
    expect(created.headers.get('location')).toBe(known);
    // The device asks the address it worked out, and sends only the rest.
    const head = await tus('HEAD', known);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(half));
    expect((await append(known, half, photo.subarray(half))).status).toBe(204);
    const [stored] = await db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, clientId));
    expect(stored?.questionId).toBe('birth-notice');
    // Its last answer lost too: asked again, the portal says it has it all, and keeps none of its bytes.
    const done = await tus('HEAD', known);
    expect(done.status).toBe(200);
    expect(done.headers.get('upload-offset')).toBe(String(photo.byteLength));
    const tombstone = readFileSync(path.join(parts, path.basename(known)));
    expect(tombstone.byteLength).toBe(photo.byteLength);
    expect(tombstone.every((byte) => byte === 0)).toBe(true);
    // Without a well-formed hash, an id of the portal's own choosing.
    const other = await create(randomUUID(), photo.byteLength, { sha256: 'not-a-hash' });
    expect(other.headers.get('location')).toMatch(/^\/api\/helper\/v1\/uploads\/[0-9a-f]{32}$/);
  });

  it('a retaken photo replaces the first one of its question', async () => {
    const clientId = randomUUID();
    for (let i = 0; i < 2; i += 1) {
      const location = (await create(clientId, photo.byteLength)).headers.get('location')!;
      expect((await append(location, 0, photo)).status).toBe(204);
    }
    const stored = await db
      .select()
      .from(uploadedFiles)
      .where(and(eq(uploadedFiles.draftId, clientId), eq(uploadedFiles.questionId, 'birth-notice')));
    expect(stored).toHaveLength(1);
  });

  it('refuses what is not a photo, with the online form’s words, and keeps nothing', async () => {
    const clientId = randomUUID();
    const fake = Buffer.from('%PDF-1.7 but not really a pdf at all');
    const location = (await create(clientId, fake.byteLength)).headers.get('location')!;
    const refused = await append(location, 0, fake);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { message: string }).message.length).toBeGreaterThan(10);
    expect(await db.select().from(uploadedFiles).where(eq(uploadedFiles.draftId, clientId))).toEqual([]);
  });

  it('refuses a browser that is not an enrolled device, a revoked one, and a photo for no file question', async () => {
    const clientId = randomUUID();
    const saved = cookie;
    cookie = '';
    expect((await create(clientId, photo.byteLength)).status).toBe(401);
    cookie = saved;
    expect((await create(clientId, photo.byteLength, { questionId: 'child-name' })).status).toBe(400);
    expect((await create('not-a-uuid', photo.byteLength)).status).toBe(400);
    await revokeDevice(db, device.deviceId, 'tan-quang', { id: 'leader' });
    const revoked = await create(clientId, photo.byteLength);
    expect(revoked.status).toBe(403);
    expect(((await revoked.json()) as { message: string }).message).toContain('thu hồi');
  });
});
