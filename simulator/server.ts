import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign, verify } from '../adapters/province/signing';

/**
 * A stand-in for the provincial back end (iGate via the data-exchange platform), on loopback. It
 * implements docs/province-contract.md like a well-behaved back end — signed requests, bearer tokens,
 * deduplication by Idempotency-Key, dossier codes in the real format, statuses that advance over time —
 * and misbehaves on request through /admin/faults: latency, any status with Retry-After (seconds or a
 * date), connection resets, responses dropped after the dossier was created, and down periods;
 * /admin/restart forgets every token, as a restarted back end does. Its own deduplication would hide a
 * portal that sends a dossier twice, so it also counts the requests it acted on per Idempotency-Key
 * (`requests` in /admin/stats): a well-behaved portal asks once per key unless an answer was lost.
 */

export interface Faults {
  /** Added to every answer. */
  latencyMs: number;
  /** The next N requests (other than /admin) fail with `failStatus`. */
  failNext: number;
  failStatus: number;
  retryAfterSeconds: number;
  /** Sent as Retry-After instead of `retryAfterSeconds` when set, e.g. an HTTP date. */
  retryAfter: string | null;
  /** The next N requests have their connection reset before anything is done. */
  resetNext: number;
  /** The next N dossier creations are stored, then the connection is destroyed: the nastiest case. */
  dropAfterCreateNext: number;
  /** While true every request gets 503. */
  down: boolean;
}

const noFaults = (): Faults => ({
  latencyMs: 0,
  failNext: 0,
  failStatus: 503,
  retryAfterSeconds: 1,
  retryAfter: null,
  resetNext: 0,
  dropAfterCreateNext: 0,
  down: false,
});

interface StoredDossier {
  code: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  createdAt: number;
  /** Fixed at creation: most dossiers finish, one in five asks for more documents first. */
  path: number[];
}

interface Store {
  seq: Record<string, number>;
  codes: Record<string, string>;
  files: Record<string, { id: string; sha256: string }>;
  dossiers: Record<string, StoredDossier>;
  byKey: Record<string, string>;
}

export interface SimulatorOptions {
  port?: number;
  /** JSON file for the simulator's own state; in memory when absent. */
  storePath?: string;
  clientId?: string;
  clientSecret?: string;
  signingSecret?: string;
  /** How long each status lasts before the next (dossiers advance 1 → 2 → 4 → 9 → 10). */
  statusStepMs?: number;
  /** Where to push signed status changes (the portal's /api/province/status); no pushes when absent. */
  webhookUrl?: string;
  webhookSecret?: string;
}

export async function startSimulator(options: SimulatorOptions = {}) {
  const clientId = options.clientId ?? 'motcua';
  const clientSecret = options.clientSecret ?? 'dev-client-secret';
  const signingSecret = options.signingSecret ?? 'dev-signing-secret';
  const stepMs = options.statusStepMs ?? 60_000;
  const tokens = new Set<string>();
  let faults = noFaults();
  /** Requests past authentication, per call and Idempotency-Key: delivery attempts, not stored dossiers. */
  const requests = {
    codes: {} as Record<string, number>,
    files: {} as Record<string, number>,
    dossiers: {} as Record<string, number>,
  };
  const counted = (call: keyof typeof requests, key: string) => {
    requests[call][key] = (requests[call][key] ?? 0) + 1;
  };
  const stats = () => ({
    dossiers: Object.keys(store.dossiers).length,
    byKey: { ...store.byKey },
    files: Object.keys(store.files).length,
    requests: structuredClone(requests),
  });
  const store: Store =
    options.storePath && existsSync(options.storePath)
      ? (JSON.parse(readFileSync(options.storePath, 'utf8')) as Store)
      : { seq: {}, codes: {}, files: {}, dossiers: {}, byKey: {} };
  const persist = () => {
    if (options.storePath) writeFileSync(options.storePath, JSON.stringify(store));
  };

  function mintCode(agency: string): string {
    const now = new Date();
    const day = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, '0')}${String(now.getUTCDate()).padStart(2, '0')}`;
    const key = `${agency}-${day}`;
    store.seq[key] = (store.seq[key] ?? 0) + 1;
    return `${key}-${String(store.seq[key]).padStart(4, '0')}`;
  }

  function statusOf(dossier: StoredDossier, now = Date.now()) {
    const steps = Math.min(dossier.path.length - 1, Math.floor((now - dossier.createdAt) / stepMs));
    return {
      MaHoSo: dossier.code,
      TrangThaiHoSo: dossier.path[steps]!,
      NhatKy: dossier.path.slice(0, steps + 1).map((status, i) => ({
        TrangThai: status,
        ThoiGian: new Date(dossier.createdAt + i * stepMs).toISOString(),
      })),
    };
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const body = await readBody(req);

    if (url.pathname === '/admin/faults' && req.method === 'POST') {
      const patch = body ? (JSON.parse(body) as Partial<Faults> & { reset?: boolean }) : {};
      faults = patch.reset ? noFaults() : { ...faults, ...patch };
      return send(res, 200, faults);
    }
    if (url.pathname === '/admin/stats') return send(res, 200, stats());
    // What the tests check of stored dossiers: who filed, for whom, with whose help, where.
    if (url.pathname === '/admin/dossiers')
      return send(
        res,
        200,
        Object.values(store.dossiers).map((d) => ({
          code: d.code,
          idempotencyKey: d.idempotencyKey,
          ChuHoSo: d.payload.ChuHoSo,
          HinhThucNop: d.payload.HinhThucNop,
          NguoiHoTro: d.payload.NguoiHoTro,
          NoiHoTro: d.payload.NoiHoTro,
        })),
      );
    if (url.pathname === '/admin/restart' && req.method === 'POST') {
      tokens.clear();
      return send(res, 200, { restarted: true });
    }

    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (faults.resetNext > 0) {
      faults.resetNext -= 1;
      return req.socket.destroy();
    }
    const retryAfter = { 'retry-after': faults.retryAfter ?? String(faults.retryAfterSeconds) };
    if (faults.down) return send(res, 503, { error: 'down' }, retryAfter);
    if (faults.failNext > 0) {
      faults.failNext -= 1;
      return send(res, faults.failStatus, { error: 'injected' }, retryAfter);
    }

    const signature = String(req.headers['x-signature'] ?? '');
    const timestamp = String(req.headers['x-timestamp'] ?? '');
    if (!verify(signingSecret, timestamp, body, signature)) return send(res, 401, { error: 'bad signature' });
    let json: Record<string, unknown> = {};
    try {
      json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      return send(res, 400, { error: 'malformed JSON' });
    }

    if (url.pathname === '/oauth/token' && req.method === 'POST') {
      if (json.client_id !== clientId || json.client_secret !== clientSecret)
        return send(res, 401, { error: 'bad client' });
      const token = randomUUID();
      tokens.add(token);
      return send(res, 200, { access_token: token, expires_in: 3600 });
    }
    const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!tokens.has(bearer)) return send(res, 401, { error: 'bad token' });
    const key = String(req.headers['idempotency-key'] ?? '');

    if (url.pathname === '/dossier-codes' && req.method === 'POST') {
      if (!key) return send(res, 400, { error: 'Idempotency-Key required' });
      const agency = String(json.MaDonVi ?? '');
      if (!/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/.test(agency)) return send(res, 400, { error: 'bad MaDonVi' });
      counted('codes', key);
      store.codes[key] ??= mintCode(agency);
      persist();
      return send(res, 200, { MaHoSo: store.codes[key] });
    }
    if (url.pathname === '/files' && req.method === 'POST') {
      if (!key) return send(res, 400, { error: 'Idempotency-Key required' });
      const content = Buffer.from(String(json.NoiDung ?? ''), 'base64');
      const sha = createHash('sha256').update(content).digest('hex');
      if (sha !== json.SHA256) return send(res, 400, { error: 'SHA256 does not match the content' });
      counted('files', key);
      store.files[key] ??= { id: randomUUID(), sha256: sha };
      persist();
      return send(res, 200, { IdTep: store.files[key].id, SHA256: sha });
    }
    if (url.pathname === '/dossiers' && req.method === 'POST') {
      if (!key) return send(res, 400, { error: 'Idempotency-Key required' });
      counted('dossiers', key);
      const existing = store.byKey[key];
      if (existing)
        return send(res, 200, {
          MaHoSo: existing,
          TrangThaiHoSo: statusOf(store.dossiers[existing]!).TrangThaiHoSo,
        });
      const code = String(json.MaHoSo ?? '');
      if (!Object.values(store.codes).includes(code)) return send(res, 422, { error: 'unknown MaHoSo' });
      // Who filed (the portal's extension): an assisted dossier must name its helper and place.
      const channel = json.HinhThucNop;
      if (!['tu-nop', 'ho-tro', 'can-bo'].includes(String(channel)))
        return send(res, 422, { error: 'bad HinhThucNop' });
      const helper = json.NguoiHoTro as { HoTen?: unknown } | null | undefined;
      const place = json.NoiHoTro as { Loai?: unknown } | null | undefined;
      const assisted = channel !== 'tu-nop';
      if (
        assisted !== (typeof helper?.HoTen === 'string' && helper.HoTen !== '') ||
        assisted !== ['nha-van-hoa', 'mot-cua-xa'].includes(String(place?.Loai))
      )
        return send(res, 422, {
          error: 'NguoiHoTro and NoiHoTro go with an assisted HinhThucNop, and only then',
        });
      // A refusal, not 409: 409 means "this key's first request is still in progress, ask again".
      if (store.dossiers[code]) return send(res, 422, { error: 'dossier exists under another key' });
      const count = Object.keys(store.dossiers).length;
      store.dossiers[code] = {
        code,
        idempotencyKey: key,
        payload: json,
        createdAt: Date.now(),
        path: count % 5 === 4 ? [1, 2, 4, 5, 4, 9, 10] : [1, 2, 4, 9, 10],
      };
      store.byKey[key] = code;
      persist();
      if (faults.dropAfterCreateNext > 0) {
        faults.dropAfterCreateNext -= 1;
        return req.socket.destroy();
      }
      return send(res, 201, { MaHoSo: code, TrangThaiHoSo: 1 });
    }
    const match = /^\/dossiers\/(.+)$/.exec(url.pathname);
    if (match && req.method === 'GET') {
      const dossier = store.dossiers[decodeURIComponent(match[1]!)];
      return dossier ? send(res, 200, statusOf(dossier)) : send(res, 404, { error: 'not found' });
    }
    return send(res, 404, { error: 'no such endpoint' });
  }

  // Status pushes: every second, each dossier whose status moved since the last acknowledged push is sent
  // again, signed; a refused or failed push is retried on the next round (the portal stores it once).
  const pushed: Record<string, number> = {};
  const pushTimer = options.webhookUrl
    ? setInterval(() => {
        for (const dossier of Object.values(store.dossiers)) {
          const report = statusOf(dossier);
          if (pushed[dossier.code] === report.NhatKy.length) continue;
          const body = JSON.stringify(report);
          const timestamp = String(Date.now());
          fetch(options.webhookUrl!, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-timestamp': timestamp,
              'x-signature': sign(options.webhookSecret ?? 'dev-webhook-secret', timestamp, body),
            },
            body,
            signal: AbortSignal.timeout(5_000),
          })
            .then((response) => {
              if (response.ok) pushed[dossier.code] = report.NhatKy.length;
            })
            .catch(() => undefined);
        }
      }, 1_000)
    : undefined;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: 'simulator fault' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => {
      clearInterval(pushTimer);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
    setFaults: (patch: Partial<Faults> & { reset?: boolean }) => {
      faults = patch.reset ? noFaults() : { ...faults, ...patch };
    },
    stats,
    /** As a restarted back end: every token it had issued is forgotten (its stored data is kept). */
    restart: () => tokens.clear(),
  };
}
