import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// Per-address limits key on the client's address (lib/clientAddress.ts). Two set-ups, each with a server
// of its own (RESUME_LIMIT=2): the portal reached directly, and behind a real nginx that appends to
// X-Forwarded-For as usually configured. Requests leave from chosen loopback addresses (127.0.0.2,
// 127.0.0.3: all of 127/8 is this machine), so the server sees two real clients, each of which also sends
// a spoofed X-Forwarded-For of its own choosing.
const SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const NGINX_PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const serverURL = `http://127.0.0.1:${SERVER_PORT}`;

test.describe.configure({ mode: 'serial' });
test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'No browser involved; run once');

const children: ChildProcess[] = [];
test.afterEach(() => {
  // Whole process groups: npx, next and its server; nginx.
  for (const child of children.splice(0)) if (child.pid) process.kill(-child.pid, 'SIGTERM');
});

async function startPortal(extraEnv: Record<string, string>) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  children.push(
    spawn('npx', ['next', 'start', '-p', String(SERVER_PORT)], {
      env: {
        ...env,
        PGLITE_DIR: 'memory://',
        PUBLIC_ORIGIN: serverURL,
        RESUME_LIMIT: '2',
        OUTBOX_RELAY: 'off',
        ...extraEnv,
      },
      stdio: 'ignore',
      detached: true,
    }),
  );
  await expect.poll(() => status(`${serverURL}/api/health`), { timeout: 45_000 }).toBe(200);
}

async function startNginx() {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location / {
      proxy_pass ${serverURL};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`,
  );
  const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
  children.push(spawn(nginx, ['-c', conf, '-p', dir], { stdio: 'ignore', detached: true }));
  await expect.poll(() => status(`http://127.0.0.1:${NGINX_PORT}/api/health`), { timeout: 15_000 }).toBe(200);
}

const status = (url: string) =>
  fetch(url).then(
    (r) => r.status,
    () => 0,
  );

/** One HTTP request from `localAddress`, with the headers given; resolves with status, location and body. */
function send(
  url: string,
  localAddress: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
) {
  return new Promise<{ status: number; location: string; body: string }>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? '', body }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Types a (wrong) resume code as the no-JS form does, from `localAddress`, claiming to be `spoofed`. */
async function tryResume(base: string, localAddress: string, spoofed: string) {
  const page = await send(`${base}/en/apply/resume`, localAddress);
  const form = new FormData();
  for (const input of page.body.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) form.append(name.replace(/&amp;/g, '&'), /value="([^"]*)"/.exec(input)?.[1] ?? '');
  }
  form.append('code', 'ZZZZ-ZZZZ');
  const encoded = new Request(base, { method: 'POST', body: form });
  const response = await send(`${base}/en/apply/resume`, localAddress, {
    method: 'POST',
    headers: {
      'content-type': encoded.headers.get('content-type')!,
      origin: base,
      'x-forwarded-for': spoofed,
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  });
  expect(response.status).toBe(303);
  return new URL(response.location, base).search;
}

/** The same story in both set-ups: a spoofed header never buys more tries; another real address does. */
async function expectSpoofingChangesNothing(base: string) {
  expect(await tryResume(base, '127.0.0.2', '10.0.0.1')).toBe('?error=1');
  expect(await tryResume(base, '127.0.0.2', '10.0.0.2')).toBe('?error=1');
  expect(await tryResume(base, '127.0.0.2', '10.0.0.3')).toBe('?error=limited');
  expect(await tryResume(base, '127.0.0.2', '')).toBe('?error=limited');
  expect(await tryResume(base, '127.0.0.3', '10.0.0.3')).toBe('?error=1');
}

test('reached directly, the limit follows the socket address, whatever X-Forwarded-For says', async () => {
  test.setTimeout(120_000);
  await startPortal({});
  await expectSpoofingChangesNothing(serverURL);
});

test('behind nginx (TRUSTED_PROXY_HOPS=1), the limit follows the address nginx saw, not the one sent', async () => {
  test.setTimeout(120_000);
  await startPortal({ TRUSTED_PROXY_HOPS: '1' });
  await startNginx();
  await expectSpoofingChangesNothing(`http://127.0.0.1:${NGINX_PORT}`);
});
