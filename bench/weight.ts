/**
 * `npm run bench:weight` — bytes on the wire per key route, in Debian's Chromium (JavaScript on, a
 * 360 px phone viewport), against the production build (`npx next build` first; this starts `next start`
 * and the simulator itself, PGlite in memory, see bench/support/server.ts).
 *  - Cold: a fresh browser context (empty cache) opens the route.
 *  - Warm: the same context first opens another page (home; for home, the life event), then the route;
 *    only the second page's bytes count. What the HTTP cache already holds costs nothing.
 * Bytes are Chromium's own count (CDP Network.loadingFinished encodedDataLength): compressed, response
 * headers included, as they cross the network. Split into HTML, CSS, JavaScript (framework vs ours,
 * see `frameworkChunks`), fonts, images, media and other; "first render" is the HTML plus the stylesheets
 * linked in its head (render-blocking). Budgets: first render ≤ 14 KB, CSS ≤ 20 KB, own JS ≤ 20 KB, warm
 * visit ≤ 15 KB, no web fonts. KB = 1024 bytes.
 * "Content" is shown beside first render, for reading it, not as the budget: the document's response
 * headers, its text up to the React Server Components payload that Next.js inlines after the content (the
 * same tree again as JSON, for hydration), gzip-compressed as the server compresses it, plus the head CSS.
 * The browser can paint once that much has arrived.
 * Prints tables and writes bench/results/weight.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/support/chromium';
import { cookieHeader, keyRoutes, selectedRoutes, statusOf, type Route } from './support/routes';
import { withPortal } from './support/server';

const KB = 1024;
const budgets = { firstRenderKB: 14, cssKB: 20, ownJsKB: 20, warmKB: 15, fontKB: 0 };

type Category = 'html' | 'css' | 'jsFramework' | 'jsOwn' | 'font' | 'image' | 'media' | 'other';
const categories: Category[] = ['html', 'css', 'jsFramework', 'jsOwn', 'font', 'image', 'media', 'other'];

interface Resource {
  readonly url: string;
  readonly type: string;
  readonly status: number;
  readonly encoding: string;
  /** Bytes on the wire: compressed body plus response headers. 0 when served from the cache. */
  readonly bytes: number;
  /** Of `bytes`, the response headers (status line included). */
  readonly headerBytes: number;
  readonly mimeType: string;
  readonly fromCache: boolean;
}

/**
 * The JavaScript chunks that are Next.js and React rather than ours. Turbopack names chunks by hash, so
 * the rule reads the build's manifests: a chunk is the framework's if the build manifest loads it on every
 * page (rootMainFiles, polyfillFiles, lowPriorityFiles) or if a client module of next, react or react-dom
 * needs it (the client reference manifests list each client component's chunks). Every other chunk is
 * ours — our client components (error boundary, screen player) and any client library they import. A
 * chunk that holds one of our client modules is ours even when a framework module shares it, so that the
 * rule never hides our code in the framework's figure.
 */
function frameworkChunks(): Set<string> {
  const manifest = JSON.parse(readFileSync('.next/build-manifest.json', 'utf8')) as Record<string, unknown>;
  const files = ['rootMainFiles', 'polyfillFiles', 'lowPriorityFiles'].flatMap(
    (key) => (manifest[key] as string[] | undefined) ?? [],
  );
  const framework = new Set(files.map((f) => path.basename(f)));
  const ours = new Set<string>();
  const clientManifests = readdirSync('.next/server/app', { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('_client-reference-manifest.js'),
  );
  for (const file of clientManifests) {
    const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, unknown> } };
    vm.runInNewContext(readFileSync(path.join('.next/server/app', file), 'utf8'), sandbox);
    for (const entry of Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
      const modules = (entry as { clientModules: Record<string, { chunks: string[] }> }).clientModules;
      for (const [name, mod] of Object.entries(modules)) {
        const target = /node_modules\/(next|react|react-dom)\//.test(name)
          ? framework
          : name.includes('node_modules/')
            ? undefined
            : ours;
        for (const chunk of mod.chunks) target?.add(path.basename(chunk));
      }
    }
  }
  for (const chunk of ours) framework.delete(chunk);
  return framework;
}

function categorise(resource: Resource, framework: Set<string>): Category {
  switch (resource.type) {
    case 'Document':
      return 'html';
    case 'Stylesheet':
      return 'css';
    case 'Script':
      return framework.has(path.basename(new URL(resource.url).pathname)) ? 'jsFramework' : 'jsOwn';
    case 'Font':
      return 'font';
    case 'Image':
      return 'image';
    // The favicon is fetched as "Other".
    case 'Other':
      return resource.mimeType.startsWith('image/') ? 'image' : 'other';
    case 'Media':
      return 'media';
    default:
      return 'other';
  }
}

/**
 * Opens `paths` one after another in one tab of `context`, and returns what the last one loaded and
 * which stylesheets its head links (render-blocking).
 */
async function visit(context: BrowserContext, base: string, paths: string[]) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map<string, { url: string; type: string }>();
  const responses = new Map<
    string,
    { status: number; encoding: string; mimeType: string; headerBytes: number; fromDiskCache: boolean }
  >();
  // Blink's memory cache reports a hit before the response, the HTTP cache on it.
  const servedFromCache = new Set<string>();
  let resources: Resource[] = [];
  let pending = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!requests.has(e.requestId)) pending += 1;
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other' });
  });
  cdp.on('Network.responseReceived', (e) => {
    responses.set(e.requestId, {
      status: e.response.status,
      encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '',
      mimeType: e.response.mimeType,
      // What had arrived when the headers were parsed: the headers themselves.
      headerBytes: e.response.encodedDataLength,
      fromDiskCache: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache),
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => servedFromCache.add(e.requestId));
  const finish = (requestId: string, bytes: number) => {
    const request = requests.get(requestId);
    const response = responses.get(requestId);
    pending -= 1;
    if (!request || request.url.startsWith('data:')) return;
    const fromCache = Boolean(response?.fromDiskCache) || servedFromCache.has(requestId) || bytes === 0;
    resources.push({
      url: request.url,
      type: request.type,
      status: response?.status ?? 0,
      encoding: response?.encoding ?? '',
      mimeType: response?.mimeType ?? '',
      bytes: fromCache ? 0 : bytes,
      headerBytes: fromCache ? 0 : (response?.headerBytes ?? 0),
      fromCache,
    });
  };
  cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0));

  let renderBlocking: string[] = [];
  /** The document's text before the inline RSC payload, gzip-compressed. */
  let contentBytes = 0;
  for (const p of paths) {
    resources = [];
    requests.clear();
    responses.clear();
    servedFromCache.clear();
    pending = 0;
    const response = await page.goto(new URL(p, base).toString(), { waitUntil: 'load' });
    if (!response || response.status() !== 200) throw new Error(`${p} answered ${response?.status()}`);
    const html = await response.text();
    const payloadAt = html.indexOf('<script>self.__next_f');
    contentBytes = gzipSync(payloadAt < 0 ? html : html.slice(0, payloadAt)).length;
    // Scripts that start after the load event (hydration) are part of the page's weight: wait until
    // nothing is in flight, at most 5 s.
    for (const deadline = Date.now() + 5_000; pending > 0 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 50));
    renderBlocking = await page.evaluate(() =>
      [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')]
        .filter((l) => !l.media || matchMedia(l.media).matches)
        .map((l) => l.href),
    );
  }
  await page.close();
  return { resources, renderBlocking, contentBytes };
}

interface Weight {
  readonly requests: number;
  readonly bytes: Record<Category, number>;
  readonly total: number;
  readonly firstRender: number;
  /** Document headers + the gzipped text before the inline RSC payload + head CSS (see the top). */
  readonly content: number;
  readonly htmlHeaders: number;
  readonly htmlEncoding: string;
  readonly resources: Resource[];
}

function weigh(
  { resources, renderBlocking, contentBytes }: Awaited<ReturnType<typeof visit>>,
  framework: Set<string>,
): Weight {
  const bytes = Object.fromEntries(categories.map((c) => [c, 0])) as Record<Category, number>;
  for (const r of resources) bytes[categorise(r, framework)] += r.bytes;
  const blockingCss = resources
    .filter((r) => r.type === 'Stylesheet' && renderBlocking.includes(r.url))
    .reduce((sum, r) => sum + r.bytes, 0);
  const documentResource = resources.find((r) => r.type === 'Document');
  const htmlHeaders = documentResource?.headerBytes ?? 0;
  return {
    requests: resources.filter((r) => !r.fromCache).length,
    bytes,
    total: resources.reduce((sum, r) => sum + r.bytes, 0),
    firstRender: bytes.html + blockingCss,
    content: htmlHeaders + contentBytes + blockingCss,
    htmlHeaders,
    htmlEncoding: documentResource?.encoding || 'none',
    resources,
  };
}

async function measure(browser: Browser, base: string, route: Route, framework: Set<string>) {
  // The session cookie is `__Host-` and Secure, which CDP will not store for a plain-HTTP address; it is
  // sent as a header instead, as the browser would send it back.
  const cookie = cookieHeader(route);
  const context = () =>
    browser.newContext({
      viewport: { width: 360, height: 740 },
      ...(cookie ? { extraHTTPHeaders: { cookie } } : {}),
    });
  const coldContext = await context();
  const cold = weigh(await visit(coldContext, base, [route.path]), framework);
  await coldContext.close();
  const warmContext = await context();
  const first = route.name === 'home' ? '/vi/life-events/having-a-baby' : '/vi';
  const warm = weigh(await visit(warmContext, base, [first, route.path]), framework);
  await warmContext.close();
  return { cold, warm, warmAfter: first };
}

const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;
/** "9.7 ok" or "16.2 MISS +2.2" against a budget in KB. */
const mark = (bytes: number, budgetKB: number) =>
  bytes <= budgetKB * KB
    ? `${kb(bytes).toFixed(1)} ok`
    : `${kb(bytes).toFixed(1)} MISS +${Math.max(0.1, Math.round((bytes / KB - budgetKB) * 10) / 10).toFixed(1)}`;

async function main() {
  const framework = frameworkChunks();
  const results = await withPortal({}, async (portal) => {
    const routes = selectedRoutes(await keyRoutes(portal.url));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const measured = [];
      for (const route of routes) {
        const status = await statusOf(portal.url, route);
        if (status !== 200) {
          if (!(route.optional && status === 404))
            throw new Error(`${route.name} (${route.path}) answered ${status}`);
          console.log(`${route.name} (${route.path}): not available (404), skipped`);
          measured.push({ route: route.name, path: route.path, available: false as const });
          continue;
        }
        console.log(`${route.name} (${route.path})…`);
        measured.push({
          route: route.name,
          path: route.path,
          available: true as const,
          ...(await measure(browser, portal.url, route, framework)),
        });
      }
      return measured;
    } finally {
      await browser.close();
    }
  });

  const available = results.filter((r) => r.available);
  console.log('\nBytes on the wire per route, KB (compressed, headers included). Cold: empty cache.');
  console.table(
    available.map((r) => ({
      route: r.route,
      HTML: kb(r.cold.bytes.html),
      'of which headers': kb(r.cold.htmlHeaders),
      CSS: kb(r.cold.bytes.css),
      'JS framework': kb(r.cold.bytes.jsFramework),
      'JS own': kb(r.cold.bytes.jsOwn),
      fonts: kb(r.cold.bytes.font),
      images: kb(r.cold.bytes.image),
      media: kb(r.cold.bytes.media),
      other: kb(r.cold.bytes.other),
      'cold total': kb(r.cold.total),
      'cold requests': r.cold.requests,
      'first render': kb(r.cold.firstRender),
      'of which content': kb(r.cold.content),
      'warm total': kb(r.warm.total),
      'warm requests': r.warm.requests,
    })),
  );
  console.log(
    `Budgets: first render (HTML + head CSS) ≤ ${budgets.firstRenderKB} KB, CSS ≤ ${budgets.cssKB} KB, ` +
      `own JS ≤ ${budgets.ownJsKB} KB, warm second visit ≤ ${budgets.warmKB} KB, no web fonts.` +
      '\n"Of which content": what the browser needs to paint — the same minus the React Server Components' +
      ' payload that Next.js inlines after the content (not a budget; see bench/README.md).',
  );
  const verdicts = available.map((r) => ({
    route: r.route,
    [`first render ≤ ${budgets.firstRenderKB}`]: mark(r.cold.firstRender, budgets.firstRenderKB),
    [`CSS ≤ ${budgets.cssKB}`]: mark(r.cold.bytes.css, budgets.cssKB),
    [`own JS ≤ ${budgets.ownJsKB}`]: mark(r.cold.bytes.jsOwn, budgets.ownJsKB),
    [`warm ≤ ${budgets.warmKB}`]: mark(r.warm.total, budgets.warmKB),
    'no web fonts': r.cold.bytes.font === 0 ? 'ok' : `MISS ${kb(r.cold.bytes.font)} KB`,
  }));
  console.table(verdicts);
  const misses = verdicts.flatMap((v) =>
    Object.entries(v)
      .filter(([, value]) => value.includes('MISS'))
      .map(([budget, value]) => `${v.route}: ${budget} — ${value}`),
  );
  console.log(misses.length === 0 ? 'Every budget met.' : `Budgets missed:\n  ${misses.join('\n  ')}`);
  const skipped = results.filter((r) => !r.available);
  if (skipped.length > 0) console.log(`Not available (404): ${skipped.map((r) => r.path).join(', ')}`);
  console.log(`HTML compression: ${[...new Set(available.map((r) => r.cold.htmlEncoding))].join(', ')}`);

  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/weight.json',
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        unit: 'bytes on the wire (CDP encodedDataLength: compressed body + response headers)',
        budgetsKB: budgets,
        frameworkChunks: [...framework].sort(),
        routes: results,
        misses,
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error('\n*** WEIGHT BENCHMARK FAILED ***\n', error);
  process.exitCode = 1;
});
