/**
 * `npm run bench:apply` — weight of applying online, against a running production server
 * (BENCH_BASE_URL, default http://127.0.0.1:3000; start one with `npm run portal`).
 *  1. A question page: HTML and CSS gzip-compressed, as needed for first render (budget ≤ 14 KB).
 *  2. Birth registration from its start page to the receipt, on a fresh browser, with JavaScript off
 *     and on: number of requests and bytes transferred (encoded, as on the wire).
 * Prints a table and writes bench/results/apply.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { answerUntilCheck, declareAndSubmit } from '../tests/support/apply';
import { chromiumArgs, chromiumPath } from '../tests/support/chromium';

const base = process.env.BENCH_BASE_URL ?? 'http://127.0.0.1:3000';

async function journey(javaScriptEnabled: boolean) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const context = await browser.newContext({
    baseURL: base,
    javaScriptEnabled,
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  const responses: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    responses.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
  );
  await page.goto('/vi/procedures/register-birth/apply');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.waitForURL(/\/q\//);
  const questionPage = await measureQuestionPage(page);
  await answerUntilCheck(page, 'register-birth');
  await declareAndSubmit(page);
  await page.waitForURL(/\/confirmation$/);
  await page.getByRole('link', { name: 'In hoặc lưu biên nhận' }).click();
  await page.waitForURL(/\/receipts\//);
  const bytes = (await Promise.all(responses)).reduce((a, b) => a + b, 0);
  await browser.close();
  return { requests: responses.length, kilobytes: Math.round(bytes / 102.4) / 10, questionPage };
}

/** HTML of the current question page and its stylesheets, gzip-compressed as the server sends them. */
async function measureQuestionPage(page: Page) {
  const html = await (await page.request.get(page.url())).text();
  const css = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => (l as HTMLLinkElement).href),
  );
  const cssText = (await Promise.all(css.map(async (href) => (await page.request.get(href)).text()))).join(
    '',
  );
  const kb = (s: string) => Math.round(gzipSync(s).length / 102.4) / 10;
  return { htmlKB: kb(html), cssKB: kb(cssText), totalKB: Math.round((kb(html) + kb(cssText)) * 10) / 10 };
}

async function main() {
  const off = await journey(false);
  const on = await journey(true);
  const rows = [
    { measure: 'question page HTML (gzip KB)', value: off.questionPage.htmlKB, budget: '' },
    { measure: 'question page CSS (gzip KB)', value: off.questionPage.cssKB, budget: '' },
    {
      measure: 'question page first render HTML+CSS (gzip KB)',
      value: off.questionPage.totalKB,
      budget: '≤ 14',
    },
    { measure: 'start → receipt, JS off: requests', value: off.requests, budget: '' },
    { measure: 'start → receipt, JS off: KB transferred', value: off.kilobytes, budget: '' },
    { measure: 'start → receipt, JS on: requests', value: on.requests, budget: '' },
    { measure: 'start → receipt, JS on: KB transferred', value: on.kilobytes, budget: '' },
  ];
  console.table(rows);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/apply.json',
    JSON.stringify({ base, measuredAt: new Date().toISOString(), rows }, null, 2),
  );
}

void main();
