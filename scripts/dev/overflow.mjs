import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const p = await b.newPage({ viewport: { width: 320, height: 640 } });
await p.goto(process.argv[2]);
await p.evaluate(() => {
  document.documentElement.style.fontSize = '200%';
});
const r = await p.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const rc = el.getBoundingClientRect();
    if (rc.right > 321)
      out.push(
        el.tagName +
          '.' +
          el.className.toString().slice(0, 40) +
          ' ' +
          Math.round(rc.right) +
          ' ' +
          (el.textContent || '').slice(0, 30),
      );
  }
  return out.slice(0, 15);
});
console.log(r.join('\n'));
await p.screenshot({ path: '/tmp/ov.png', fullPage: false });
await b.close();
