import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { simulatorURL } from '../../playwright.config';
import { connect } from '@/db/client';
import { reserveReferences } from '@/db/queries/offline';
import { submissions, uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode, TRACKING_KEY_LENGTH } from '@/lib/codes';
import { UPLOAD_PATH } from '@/lib/helperUploads';
import type { SyncPayload } from '@/lib/offlineSync';
import { deviceCookieValue, DEVICE_COOKIE } from '@/lib/staff/devices';
import { startPortal, type Portal } from '../support/hostileRun';
import { birthAnswers, enrolledHelper } from '../support/offline';

// The helper app's sync survives the portal dying under it (docs/adr/0029): a portal of its own on a PGlite
// directory is SIGKILLed in the middle of a photo's upload and again while six dossiers are being sent, then
// started again on the same directory. The device sends everything again, as the app does until it has a
// receipt: each dossier is in the database once, the photo resumes where the dead portal left it, and the
// province is asked once per dossier (counted at the simulator, attempts included). HTTP only: @http.

// Beside the shared server's port, as clientAddress.spec.ts does: runs sharing a machine do not collide.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const DOSSIERS = 6;

const meta = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

test('a portal killed mid-sync loses no dossier and sends none twice @http', async () => {
  test.slow();
  const dir = mkdtempSync(path.join(tmpdir(), 'sync-crash-'));
  const pgliteDir = path.join(dir, 'pglite');
  const overrides = {
    PGLITE_DIR: pgliteDir,
    UPLOAD_PARTS_DIR: path.join(dir, 'upload-parts'),
    PROVINCE_BASE_URL: simulatorURL,
    OUTBOX_RELAY: 'on',
  };
  let portal: Portal | null = null;
  try {
    // The device is enrolled and its numbers reserved before the portal opens the directory (one process
    // holds it at a time, docs/adr/0016).
    const setup = connect({ databaseUrl: '', pgliteDir });
    await setup.migrate();
    await seed(setup.db);
    const { device } = await enrolledHelper(setup.db, 'crash.helper');
    const references = await reserveReferences(setup.db, device.deviceId, () => randomCode(), DOSSIERS);
    await setup.close();
    const cookie = `${DEVICE_COOKIE}=${deviceCookieValue(device.deviceId, device.secret)}`;

    const payloads: SyncPayload[] = references.slice(0, DOSSIERS).map((reference, i) => ({
      clientId: randomUUID(),
      reference,
      trackingKey: randomCode(TRACKING_KEY_LENGTH),
      journeyId: 'register-birth',
      journeyVersion: 1,
      answers: birthAnswers(i === 0 ? 'health-facility' : 'home'),
      place: { kind: 'village-hall', name: 'Nhà văn hoá bản Khun' },
      consentReadIn: 'hmn',
      capturedAt: new Date().toISOString(),
    }));
    const withPhoto = payloads[0]!;

    portal = await startPortal(PORT, overrides);
    const base = portal.baseURL;
    const tus = (method: string, url: string, headers: Record<string, string>, body?: BodyInit) =>
      fetch(new URL(url, base), {
        method,
        headers: { 'Tus-Resumable': '1.0.0', cookie, ...headers },
        body,
        ...(body && { duplex: 'half' }),
      } as RequestInit);

    // A 1 MB birth notice, its upload cut by the portal's death halfway through.
    const photo = await sharp({
      create: {
        width: 1600,
        height: 1200,
        channels: 3,
        background: '#fff',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const created = await tus('POST', UPLOAD_PATH, {
      'Upload-Length': String(photo.length),
      'Upload-Metadata': meta({
        clientId: withPhoto.clientId,
        journeyId: 'register-birth',
        questionId: 'birth-notice',
        filename: 'giay-chung-sinh.jpg',
      }),
    });
    expect(created.status).toBe(201);
    const upload = created.headers.get('location')!;
    const half = Math.floor(photo.length / 2);
    let sentHalf: () => void = () => {};
    const halfSent = new Promise<void>((resolve) => (sentHalf = resolve));
    const cut = tus(
      'PATCH',
      upload,
      { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(photo.subarray(0, half)));
          sentHalf();
          // …and the rest never comes: the portal dies first.
        },
      }),
    ).catch(() => null);
    await halfSent;
    // What the portal has written of it so far is on disk (read there: a HEAD would ask tus for the lock
    // and end the PATCH itself): wait until some of it is, then kill.
    const part = path.join(overrides.UPLOAD_PARTS_DIR, path.basename(new URL(upload, base).pathname));
    await expect
      .poll(() => (existsSync(part) ? statSync(part).size : 0), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await portal.kill();
    expect(await cut).toBeNull();

    portal = await startPortal(PORT, overrides);
    // The upload resumes where the dead portal left it, not from the start.
    const head = await tus('HEAD', upload, {});
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(half);
    const rest = await tus(
      'PATCH',
      upload,
      { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      new Uint8Array(photo.subarray(offset)),
    );
    expect(rest.status).toBe(204);

    // Six dossiers in flight when the portal is killed again.
    const send = (payload: SyncPayload) =>
      fetch(`${base}/api/helper/v1/dossiers?locale=vi`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(payload),
      });
    const inFlight = payloads.map((payload) =>
      send(payload).then(
        (r) => r.status,
        () => 0,
      ),
    );
    await Promise.race(inFlight);
    await portal.kill();
    const before = await Promise.all(inFlight);
    // Whatever the dead portal answered was a receipt or nothing at all: never an error.
    expect(before.filter((status) => ![0, 200, 201].includes(status))).toEqual([]);
    test.info().annotations.push({
      type: 'receipts before the kill',
      description: `${before.filter((status) => status !== 0).length} of ${DOSSIERS}`,
    });

    portal = await startPortal(PORT, overrides);
    // The app sends again whatever has no receipt, and replays do no harm: everything, ten times.
    for (let round = 0; round < 10; round += 1) {
      const answers = await Promise.all(payloads.map(send));
      for (const [i, answer] of answers.entries()) {
        expect([200, 201]).toContain(answer.status);
        expect(((await answer.json()) as { reference: string }).reference).toBe(payloads[i]!.reference);
      }
    }

    // The province is asked once per dossier, however often the portal was and whenever it died.
    await expect
      .poll(
        async () => {
          const stats = (await (await fetch(`${simulatorURL}/admin/stats`)).json()) as {
            requests: { dossiers: Record<string, number>; files: Record<string, number> };
          };
          return {
            dossiers: payloads.map((p) => stats.requests.dossiers[`${p.reference}-register-birth`] ?? 0),
            photos: Object.keys(stats.requests.files).filter((key) =>
              key.startsWith(`${withPhoto.reference}-`),
            ).length,
          };
        },
        { timeout: 30_000 },
      )
      .toEqual({ dossiers: payloads.map(() => 1), photos: 1 });
    await portal.stop();
    portal = null;

    // And the database holds one submission per client UUID, the photo whole on its dossier.
    const check = connect({ databaseUrl: '', pgliteDir });
    try {
      for (const payload of payloads) {
        const [row] = await check.db
          .select({ n: count() })
          .from(submissions)
          .where(eq(submissions.draftId, payload.clientId));
        expect(row!.n).toBe(1);
      }
      const [stored] = await check.db
        .select({ size: uploadedFiles.size })
        .from(uploadedFiles)
        .where(eq(uploadedFiles.draftId, withPhoto.clientId));
      // Decoded and re-encoded whole (lib/helperUploads.ts): a cut-off JPEG would have been refused.
      expect(stored?.size).toBeGreaterThan(0);
    } finally {
      await check.close();
    }
  } finally {
    await portal?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
