import { expect, test } from '@playwright/test';
import { simulatorURL as SIMULATOR } from '../../playwright.config';
import { declareAndSubmit, startAndAnswerAll } from '../support/apply';

// The delivery issue's "done when", through the browser: submitted while the province's system is down,
// the bundle's dossiers wait (and say so), then reach the province once it is back — each with its code
// and later its result on the tracking page, exactly one copy each in the simulator. This project runs
// after all others (playwright.config.ts), because taking the shared simulator down would disturb them.

const faults = (body: object) =>
  fetch(`${SIMULATOR}/admin/faults`, { method: 'POST', body: JSON.stringify(body) });

test('submitted while the province is down: delivered once it is back, with codes and then results', async ({
  page,
}) => {
  await faults({ reset: true });
  await faults({ down: true, retryAfterSeconds: 1 });
  try {
    await startAndAnswerAll(page, 'death-bundle');
    await declareAndSubmit(page);
    const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
    await page.getByRole('link', { name: 'Xem tình trạng hồ sơ' }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.locator('[data-current-status="retrying"]')).toHaveCount(3);
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText('Hệ thống của tỉnh đang bận').first()).toBeVisible();

    await faults({ down: false });
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/Mã hồ sơ của tỉnh: /)).toHaveCount(3);
    }).toPass({ timeout: 90_000 });
    await expect(async () => {
      await page.reload();
      await expect(page.locator('[data-current-status="result-returned"]')).toHaveCount(3);
    }).toPass({ timeout: 60_000 });

    const codes = (await page.getByText(/Mã hồ sơ của tỉnh: /).allTextContents()).map(
      (t) => t.split(': ')[1],
    );
    const stats = (await (await fetch(`${SIMULATOR}/admin/stats`)).json()) as {
      byKey: Record<string, string>;
    };
    const ours = Object.entries(stats.byKey).filter(([key]) => key.startsWith(`${reference}-`));
    expect(ours).toHaveLength(3);
    expect(ours.map(([, code]) => code).sort()).toEqual([...codes].sort());
  } finally {
    await faults({ reset: true });
  }
});
