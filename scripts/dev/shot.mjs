import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const [, , url, out, width] = process.argv;
const p = await b.newPage({ viewport: { width: Number(width || 390), height: 800 } });
await p.goto(url);
await p.screenshot({ path: out, fullPage: true });
await b.close();
