import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/audit.mjs is the dependency gate of `npm test`. The registry mirror here does not serve advisories,
// so these tests give npm a registry of their own on loopback that answers the bulk advisory endpoint the way
// registry.npmjs.org does, to prove the gate fails on a high finding and passes on a low one.
type Answer = { status: number; advisories?: Record<string, unknown[]> };
let answer: Answer = { status: 200, advisories: {} };
let server: http.Server;
let registry = '';
const scratch: string[] = [];

const advisory = (severity: string) => ({
  qrcode: [
    {
      id: 1,
      url: 'https://example.test/advisories/1',
      title: `A ${severity} test advisory`,
      severity,
      vulnerable_versions: '<=1.5.4',
      cwe: [],
      cvss: { score: 0, vectorString: null },
    },
  ],
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/-/npm/v1/security/advisories/bulk')) {
        res.statusCode = answer.status;
        res.end(answer.status === 200 ? JSON.stringify(answer.advisories) : '');
      } else if (req.url === '/qrcode') {
        // npm reads the packument of an advised package to tell which installed versions are affected.
        const version = { name: 'qrcode', version: '1.5.4' };
        res.end(JSON.stringify({ name: 'qrcode', versions: { '1.5.4': version } }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  for (const cache of scratch) rmSync(cache, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function gate(cwd = process.cwd()): Promise<{ code: number; out: string }> {
  // npm caches advisory answers: each run gets an empty cache so that it asks this registry again.
  const cache = mkdtempSync(path.join(tmpdir(), 'motcua-audit-'));
  scratch.push(cache);
  return new Promise((resolve) => {
    const args = [path.resolve('scripts/audit.mjs'), '--registry', registry, '--cache', cache];
    execFile('node', args, { cwd }, (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, out: stdout }),
    );
  });
}

describe('the dependency audit gate', () => {
  it('passes when no advisory concerns a production dependency', async () => {
    answer = { status: 200, advisories: {} };
    expect(await gate()).toEqual({ code: 0, out: expect.stringMatching(/0 critical, 0 high/) });
  });

  it('fails on a high advisory and names the package and the advisory', async () => {
    answer = { status: 200, advisories: advisory('high') };
    const { code, out } = await gate();
    expect(code).toBe(1);
    expect(out).toContain('HIGH qrcode');
    expect(out).toContain('https://example.test/advisories/1');
  });

  it('fails on a critical advisory and lets a moderate one through', async () => {
    answer = { status: 200, advisories: advisory('critical') };
    expect((await gate()).code).toBe(1);
    answer = { status: 200, advisories: advisory('moderate') };
    expect(await gate()).toEqual({ code: 0, out: expect.stringMatching(/1 moderate/) });
  });

  it('says NOT CHECKED, with its own exit code, when the registry serves no advisories', async () => {
    answer = { status: 405 };
    const { code, out } = await gate();
    expect(code).toBe(2);
    expect(out).toMatch(/NOT CHECKED.*405/);
  });

  it('fails, not "not checked", when npm fails for a reason of the project (no lockfile)', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'motcua-audit-'));
    scratch.push(project);
    writeFileSync(path.join(project, 'package.json'), '{"name":"x","version":"1.0.0"}');
    answer = { status: 200, advisories: {} };
    expect((await gate(project)).code).toBe(1);
  });
});
