import { expect, test, type Page } from '@playwright/test';
import { E2E_STAFF, simulatorURL } from '../../playwright.config';
import { createAuditor, expectNoAxeViolations, pageSource } from '../support/axe';
import { locales } from '@/i18n/locales';
import { answerUntilCheck, declareAndSubmit } from '../support/apply';
import { enterPassword } from '../support/staff';

// Assisted mode (docs/adr/0026): a helper of Tân Quang files for two villagers on one browser. Neither
// villager's application opens for the other, each receipt says who helped, the province is told, and
// clearing the device leaves nothing open. The two projects share the seeded helper: the villagers'
// names carry the project's name, and every assertion looks for its own rows only.

const assistPage = '/vi/staff/assist';

async function startFor(page: Page, hall: string, journeyId = 'register-birth') {
  await page.goto(assistPage);
  await page.getByLabel('Thủ tục').selectOption(journeyId);
  await page.getByLabel('Nhà văn hoá thôn, bản').check();
  await page.getByLabel('Tên nhà văn hoá').fill(hall);
  await page.getByRole('button', { name: 'Bắt đầu hồ sơ cho người này' }).click();
  await expect(page).toHaveURL(new RegExp(`/apply/${journeyId}/consent$`));
}

async function consentReadAloud(page: Page) {
  await expect(page.getByRole('complementary', { name: 'Chế độ hỗ trợ' })).toBeVisible();
  await page.getByLabel('Ngôn ngữ đã đọc cho người nộp nghe').selectOption('hmn');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await expect(page).toHaveURL(/\/q\//);
}

test('a helper files for two villagers on one browser; neither sees the other; the province is told who helped', async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const a = `Sùng Thị Dế ${testInfo.project.name}`;
  const b = `Lò Văn Pó ${testInfo.project.name}`;
  await enterPassword(page, E2E_STAFF.helper);
  await expect(page).toHaveURL(/\/staff\/account$/);

  // A village hall with no name is refused next to the field, and the page stays accessible.
  await page.goto(assistPage);
  await page.getByLabel('Nhà văn hoá thôn, bản').check();
  await page.getByRole('button', { name: 'Bắt đầu hồ sơ cho người này' }).click();
  await expect(page.locator('#placeName-error')).toHaveText(/Nhập tên nhà văn hoá/);
  await expect(page.locator('#placeName')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(browser, await pageSource(page));

  // Villager A, read aloud in Hmong, at a named village hall.
  await startFor(page, 'Nhà văn hoá Nà Lũng');
  await consentReadAloud(page);
  await answerUntilCheck(page, 'register-birth', { 'applicant-name': a });
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);
  await expect(
    page.getByText(`Nộp với sự hỗ trợ của ${E2E_STAFF.helper}, tại Nhà văn hoá Nà Lũng.`),
  ).toBeVisible();
  const referenceA = await page.locator('[data-reference]').getAttribute('data-reference');

  // Villager B on the same browser: a new application, with none of A's answers.
  await page.getByRole('link', { name: 'Hồ sơ mới cho người khác' }).click();
  await startFor(page, 'Nhà văn hoá Nà Lũng');
  await consentReadAloud(page);
  await page.goto('/vi/apply/register-birth/q/applicant-name');
  await expect(page.locator('#applicant-name')).toHaveValue('');
  expect(await page.content()).not.toContain(a);
  await page.goto('/vi/apply/register-birth/q/relationship-to-child');
  await answerUntilCheck(page, 'register-birth', { 'applicant-name': b });
  expect(await page.content()).not.toContain(a);
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);
  const referenceB = await page.locator('[data-reference]').getAttribute('data-reference');
  expect(referenceB).not.toBe(referenceA);

  // The afternoon's list has both, with their references; A's receipt says who helped.
  await page.goto(assistPage);
  const list = page.getByRole('table');
  await expect(list.getByRole('row', { name: new RegExp(a) })).toBeVisible();
  await expect(list.getByRole('row', { name: new RegExp(b) })).toBeVisible();
  await expectNoAxeViolations(browser, await pageSource(page));
  await list
    .getByRole('row', { name: new RegExp(a) })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/receipts/${referenceA}`));
  await expect(page.getByText(`Nộp với sự hỗ trợ của ${E2E_STAFF.helper}`)).toBeVisible();

  // The province receives each villager as the applicant, with the helper and the place beside.
  await expect
    .poll(
      async () => {
        const stored = (await (await fetch(`${simulatorURL}/admin/dossiers`)).json()) as {
          idempotencyKey: string;
          ChuHoSo: string;
          HinhThucNop: string;
          NguoiHoTro: { HoTen: string } | null;
          NoiHoTro: { Loai: string; Ten: string } | null;
        }[];
        return stored
          .filter(
            (d) =>
              d.idempotencyKey.startsWith(`${referenceA}-`) || d.idempotencyKey.startsWith(`${referenceB}-`),
          )
          .map(({ ChuHoSo, HinhThucNop, NguoiHoTro, NoiHoTro }) => ({
            ChuHoSo,
            HinhThucNop,
            NguoiHoTro,
            NoiHoTro,
          }))
          .sort((x, y) => x.ChuHoSo.localeCompare(y.ChuHoSo));
      },
      { timeout: 30_000 },
    )
    .toEqual(
      [a, b]
        .map((ChuHoSo) => ({
          ChuHoSo,
          HinhThucNop: 'ho-tro',
          NguoiHoTro: { HoTen: E2E_STAFF.helper },
          NoiHoTro: { Loai: 'nha-van-hoa', Ten: 'Nhà văn hoá Nà Lũng' },
        }))
        .sort((x, y) => x.ChuHoSo.localeCompare(y.ChuHoSo)),
    );
});

test('"finish and clear this device" leaves no application of the villager open on the browser', async ({
  page,
}) => {
  await enterPassword(page, E2E_STAFF.helper);
  await expect(page).toHaveURL(/\/staff\/account$/);
  await startFor(page, 'Nhà văn hoá Khuổi Tát');
  await consentReadAloud(page);
  await page.getByRole('button', { name: 'Xong và xoá khỏi máy này' }).click();
  await expect(page).toHaveURL(/\/staff\/assist\?cleared=1$/);
  await expect(page.getByRole('status')).toContainText('Đã xoá');
  await page.goto('/vi/apply/register-birth');
  await expect(page).toHaveURL(/\/apply\/resume\?expired=register-birth$/);
});

test("the next villager's application starts afresh: the last one's unfinished application no longer opens here", async ({
  page,
}) => {
  await enterPassword(page, E2E_STAFF.helper);
  await expect(page).toHaveURL(/\/staff\/account$/);
  await startFor(page, 'Nhà văn hoá Nà Lũng', 'birth-bundle');
  await consentReadAloud(page);
  await page.getByRole('link', { name: 'Hồ sơ mới cho người khác' }).click();
  await startFor(page, 'Nhà văn hoá Nà Lũng');
  await page.goto('/vi/apply/birth-bundle');
  await expect(page).toHaveURL(/\/apply\/resume\?expired=birth-bundle$/);
});

test('an assisted application does not open for someone signed out on the same browser', async ({ page }) => {
  await enterPassword(page, E2E_STAFF.helper);
  await expect(page).toHaveURL(/\/staff\/account$/);
  await startFor(page, 'Nhà văn hoá Nà Lũng');
  await consentReadAloud(page);
  await page.goto('/vi/staff/account');
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut=1$/);
  await page.goto('/vi/apply/register-birth/q/applicant-name');
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

test('someone without a staff account is sent to sign in', async ({ page }) => {
  await page.goto(assistPage);
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

// One test per language, so that each has its own time budget and the languages spread over the workers.
for (const locale of locales) {
  test(`the helper pages and an assisted consent page have no axe violations in ${locale}`, async ({
    page,
    browser,
  }) => {
    test.slow();
    await enterPassword(page, E2E_STAFF.helper);
    await expect(page).toHaveURL(/\/staff\/account$/);
    await startFor(page, 'Nhà văn hoá Nà Lũng');
    const auditor = await createAuditor(browser);
    try {
      for (const path of ['/staff/assist', '/apply/register-birth/consent']) {
        await page.goto(`/${locale}${path}`);
        await auditor.audit(await pageSource(page));
      }
    } finally {
      await auditor.close();
    }
  });
}
