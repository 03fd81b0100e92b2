import { expect, test } from '@playwright/test';
import { declareAndSubmit, startAndAnswerAll } from '../support/apply';

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('the receipt prints on one A5 or A4 page, without the site chrome, with its QR code', async ({
  page,
}) => {
  test.skip(test.info().project.name === 'no-js', 'Printing is the same with and without JavaScript');
  await startAndAnswerAll(page, 'register-death');
  await declareAndSubmit(page);
  await page.getByRole('link', { name: 'In hoặc lưu biên nhận' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('img', { name: /Quét mã QR/ })).toBeVisible();
  const qr = await page.getByRole('img', { name: /Quét mã QR/ }).boundingBox();
  // 45 mm at 96 dpi ≈ 170 px: large enough to scan from paper.
  expect(qr!.width).toBeGreaterThan(150);
  for (const format of ['A5', 'A4'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pages(pdf), format).toBe(1);
    await test.info().attach(`receipt-${format}.pdf`, { body: pdf, contentType: 'application/pdf' });
  }
});
