/**
 * `npm run bench:assisted` — the helper app's sync over a bad link (issue 14). BENCH_DOSSIERS (default 50)
 * birth registrations, each with a phone photo of about 1 MB, captured offline on an enrolled device and
 * then sent the way the helper app sends them — each photo first, by the tus protocol (tus-js-client, its id
 * known to the device, its bytes sent with its creation, resumed where a cut left it), then the dossier as JSON, retried until it has its receipt —
 * through an emulated Regular 3G link (BENCH_KBPS, default 700 kbps each way; BENCH_RTT_MS, default 300 ms;
 * BENCH_DROP, default 0.1 of requests cut — each is a connection of its own here — half mid-request, half
 * with the answer lost;
 * bench/support/link.ts). The portal side is the production code — lib/offlineSync.ts, lib/helperUploads.ts,
 * db/queries/offline.ts — behind a plain Node HTTP server on PGlite in memory (no Next.js: the link, not
 * the framework, is what is measured). Photos are made smaller first as the app does (1600 px, JPEG 80 %).
 *
 * Prints: total time against what the link's bandwidth allows for the bytes that had to cross it (the
 * goal: within 30 s), bytes the client put on the link against the re-encoded photos' bytes (goal ≤ 1.1×),
 * retries, connections cut, p50/p95/max per dossier; then checks 0 lost and 0 duplicated: one submission
 * per client UUID, each with its photo, and one reference each. Writes bench/results/assisted.json; exit 1
 * when a dossier is lost or doubled.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { Upload } from 'tus-js-client';
import { connect } from '@/db/client';
import { reserveReferences } from '@/db/queries/offline';
import { submissions, uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { photoUploadId, sha256Hex } from '@/lib/helperApp/uploadId';
import { helperUploadServer, UPLOAD_PATH } from '@/lib/helperUploads';
import { syncDossier } from '@/lib/offlineSync';
import { DEVICE_COOKIE, deviceCookieValue } from '@/lib/staff/devices';
import { birthAnswers, enrolledHelper } from '@/tests/support/offline';
import { startLink } from './support/link';

const count = Number(process.env.BENCH_DOSSIERS ?? 50);
const kbps = Number(process.env.BENCH_KBPS ?? 700);
const rttMs = Number(process.env.BENCH_RTT_MS ?? 300);
const dropRate = Number(process.env.BENCH_DROP ?? 0.1);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 2);

const answers = birthAnswers('health-facility');

/** A phone photo of about 1 MB (a paper's worth of texture), different for each dossier. */
async function phonePhoto(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: '#ddd',
      noise: { type: 'gaussian', mean: 120 + (seed % 16), sigma: 22 },
    },
  })
    .jpeg({ quality: 93 })
    .toBuffer();
}

/** As the helper app does before keeping a photo: at most 1600 px a side, JPEG at 80 %. */
const reencode = (photo: Buffer) =>
  sharp(photo)
    .resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function main() {
  const conn = connect({ pgliteDir: 'memory://', databaseUrl: '' });
  const db = conn.db;
  await conn.migrate();
  await seed(db);
  const parts = mkdtempSync(path.join(tmpdir(), 'bench-upload-parts-'));
  const tus = helperUploadServer(async () => db, parts);

  // An enrolled device with its block of references, as a leader's QR code and one online visit leave it.
  const { device } = await enrolledHelper(db, `bench.${process.pid}`);
  const cookie = `${DEVICE_COOKIE}=${deviceCookieValue(device.deviceId, device.secret)}`;
  const references = await reserveReferences(db, device.deviceId, () => randomCode(), count);

  // The portal's helper endpoints, in front of the production handlers.
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body =
        req.method === 'GET' || req.method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream);
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body,
        // @ts-expect-error: Node's fetch needs it for a streamed body
        duplex: 'half',
      });
      let response: Response;
      if (url.pathname.startsWith(UPLOAD_PATH)) response = await tus.handleWeb(request);
      else if (url.pathname === '/api/helper/v1/dossiers') {
        const answer = await syncDossier(db, {
          cookie: { deviceId: device.deviceId, secret: device.secret },
          text: await request.text(),
          locale: 'vi',
        });
        response = Response.json(answer.body, { status: answer.status });
      } else response = new Response('not found', { status: 404 });
      // One request per connection, so the link's cuts fall on requests, as the 10 % does.
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), connection: 'close' });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serverPort = (server.address() as { port: number }).port;
  const link = await startLink(serverPort, { kbps, rttMs, dropRate });
  const base = `http://127.0.0.1:${link.port}`;

  // Captured offline: photos re-encoded on the device, dossiers queued with their references.
  console.log(`Preparing ${count} dossiers with a phone photo each…`);
  const queue: { clientId: string; reference: string; photo: Buffer; originalBytes: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    const original = await phonePhoto(i);
    queue.push({
      clientId: randomUUID(),
      reference: references[i]!,
      photo: await reencode(original),
      originalBytes: original.byteLength,
    });
  }
  const photoBytes = queue.reduce((sum, d) => sum + d.photo.byteLength, 0);
  const originalBytes = queue.reduce((sum, d) => sum + d.originalBytes, 0);

  console.log(
    `Sending over ${kbps} kbps, ${rttMs} ms RTT, ${Math.round(dropRate * 100)} % of connections cut…`,
  );
  let retries = 0;
  const perDossier: number[] = [];
  const started = performance.now();
  /** One dossier as the app sends it: its photo, then the dossier itself, each until it is through. */
  const send = async (dossier: (typeof queue)[number]) => {
    const t0 = performance.now();
    const sha256 = await sha256Hex(new Uint8Array(dossier.photo));
    const id = await photoUploadId(dossier.clientId, 'birth-notice', sha256);
    await new Promise<void>((resolve, reject) => {
      const upload = new Upload(dossier.photo, {
        endpoint: `${base}${UPLOAD_PATH}`,
        // As the app (components/helper/HelperApp.tsx): the id known first, the bytes with the creation.
        // BENCH_KNOWN_ID=0 and BENCH_CREATE_WITH_DATA=0 measure without either (bench/README.md).
        ...(process.env.BENCH_KNOWN_ID !== '0' && { uploadUrl: `${base}${UPLOAD_PATH}/${id}` }),
        headers: { cookie },
        metadata: {
          clientId: dossier.clientId,
          journeyId: 'register-birth',
          questionId: 'birth-notice',
          filename: 'giay-chung-sinh.jpg',
          sha256,
        },
        uploadDataDuringCreation: process.env.BENCH_CREATE_WITH_DATA !== '0',
        retryDelays: Array.from({ length: 60 }, () => 500),
        onShouldRetry: () => {
          retries += 1;
          return true;
        },
        onSuccess: () => resolve(),
        onError: reject,
      });
      upload.start();
    });
    const payload = JSON.stringify({
      clientId: dossier.clientId,
      reference: dossier.reference,
      journeyId: 'register-birth',
      journeyVersion: 1,
      answers,
      place: { kind: 'village-hall', name: 'Nhà văn hoá bản Khun' },
      consentReadIn: 'hmn',
      capturedAt: new Date().toISOString(),
    });
    for (let attempt = 0; ; attempt += 1) {
      const answer = await fetch(`${base}/api/helper/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: payload,
        signal: AbortSignal.timeout(20_000),
      }).catch(() => null);
      if (answer && (answer.status === 200 || answer.status === 201)) break;
      if (answer && answer.status !== 500)
        throw new Error(`dossier refused: ${answer.status} ${await answer.text()}`);
      retries += 1;
      await new Promise((r) => setTimeout(r, 500));
    }
    perDossier.push(performance.now() - t0);
  };
  // As many at once as the app sends (SYNC_CONCURRENCY in components/helper/HelperApp.tsx), from one queue.
  const pending = [...queue];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = pending.shift(); next; next = pending.shift()) await send(next);
    }),
  );
  const totalSeconds = (performance.now() - started) / 1000;
  const bandwidthSeconds = link.stats.bytesUp / ((kbps * 1000) / 8);
  const minimumSeconds = photoBytes / ((kbps * 1000) / 8);

  // Exactly once: one submission per client UUID, with its photo; references all different.
  const stored = await db.select().from(submissions);
  const mine = stored.filter((s) => queue.some((d) => d.clientId === s.draftId));
  const lost = queue.filter((d) => !mine.some((s) => s.draftId === d.clientId)).length;
  const duplicated = mine.length - new Set(mine.map((s) => s.draftId)).size;
  let withoutPhoto = 0;
  for (const s of mine) {
    const files = await db
      .select({ id: uploadedFiles.id })
      .from(uploadedFiles)
      .where(eq(uploadedFiles.draftId, s.draftId));
    const answer = (s.answers as Record<string, { fileId?: string }>)['birth-notice'];
    if (files.length !== 1 || answer?.fileId !== files[0]!.id) withoutPhoto += 1;
  }
  const result = {
    dossiers: count,
    link: { kbps, rttMs, dropRate },
    photos: { originalBytes, reencodedBytes: photoBytes },
    bytesUp: link.stats.bytesUp,
    bytesUpOverPhotos: link.stats.bytesUp / photoBytes,
    totalSeconds,
    bandwidthSeconds,
    minimumSeconds,
    overBandwidthSeconds: totalSeconds - bandwidthSeconds,
    overMinimumSeconds: totalSeconds - minimumSeconds,
    retries,
    connections: link.stats.connections,
    connectionsCut: link.stats.dropped,
    perDossierMs: {
      p50: percentile(perDossier, 50),
      p95: percentile(perDossier, 95),
      max: Math.max(...perDossier),
    },
    lost,
    duplicated,
    withoutPhoto,
  };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.table({
    'photos as taken': kb(originalBytes),
    'photos re-encoded (what must cross)': kb(photoBytes),
    'bytes the client put on the link': `${kb(link.stats.bytesUp)} (${result.bytesUpOverPhotos.toFixed(3)} × the photos; goal ≤ 1.1)`,
    'total time': `${totalSeconds.toFixed(1)} s`,
    'what the bandwidth allows for the photos': `${minimumSeconds.toFixed(1)} s (over by ${result.overMinimumSeconds.toFixed(1)} s; goal ≤ 30 s)`,
    'what the bandwidth allows for all bytes sent': `${bandwidthSeconds.toFixed(1)} s`,
    retries,
    'connections / cut': `${link.stats.connections} / ${link.stats.dropped}`,
    'per dossier p50 / p95 / max': `${(result.perDossierMs.p50 / 1000).toFixed(1)} / ${(result.perDossierMs.p95 / 1000).toFixed(1)} / ${(result.perDossierMs.max / 1000).toFixed(1)} s`,
    'lost / duplicated / without their photo': `${lost} / ${duplicated} / ${withoutPhoto}`,
  });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/assisted.json', `${JSON.stringify(result, null, 2)}\n`);
  await link.close();
  server.close();
  await conn.close();
  rmSync(parts, { recursive: true, force: true });
  if (lost || duplicated || withoutPhoto) {
    console.error('FAILED: a dossier was lost, doubled or lost its photo');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
