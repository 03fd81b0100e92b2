import { expect, test } from '@playwright/test';
import { journeys } from '@/catalogue/forms/journeys';
import {
  answerUntilCheck,
  declareAndSubmit,
  PNG,
  questionIdFrom,
  saveAndContinue,
  startAndAnswerAll,
} from '../support/apply';

// Every journey end to end; the `js` and `no-js` projects run each with JavaScript on and off.
for (const journey of journeys) {
  test(`${journey.id}: apply and get a receipt`, async ({ page }) => {
    await startAndAnswerAll(page, journey.id);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra câu trả lời');
    await declareAndSubmit(page);
    await expect(page).toHaveURL(new RegExp(`/apply/${journey.id}/confirmation$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận hồ sơ');
    const reference = await page.locator('[data-reference]').getAttribute('data-reference');
    expect(reference).toMatch(/^[2-9A-HJKMNP-TW-Z]{8}$/);
    // A bundle lists each of its procedures with its time limit.
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(journey.procedures.length);
  });
}

test('a child born at home needs a witness, not a birth notice; unmarried parents may leave the father out', async ({
  page,
}) => {
  await startAndAnswerAll(page, 'register-birth', {
    'child-birthplace': 'home',
    'parents-married': 'no',
    'father-declared': 'no',
  });
  const main = page.getByRole('main');
  await expect(main).toContainText('Họ và tên người làm chứng việc sinh');
  await expect(main).not.toContainText('Tải lên giấy chứng sinh');
  await expect(main).not.toContainText('Họ và tên của cha');
});

test('changing an answer from check answers returns there, and asks newly needed questions', async ({
  page,
}) => {
  await startAndAnswerAll(page, 'register-birth', { 'parents-married': 'no', 'father-declared': 'no' });
  await page.getByRole('link', { name: 'Sửa họ và tên của con' }).click();
  await page.locator('#child-name').fill('Vàng Thị Hoa');
  await saveAndContinue(page);
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByRole('main')).toContainText('Vàng Thị Hoa');

  // Now married: the father's questions appear, then it is back to check answers.
  await page.getByRole('link', { name: 'Sửa việc cha mẹ đã đăng ký kết hôn' }).click();
  await page.locator('#parents-married-yes').check();
  await saveAndContinue(page);
  await expect(page).toHaveURL(/\/q\/father-name\?change=1$/);
  await answerUntilCheck(page, 'register-birth');
  await expect(page.getByRole('main')).toContainText('Vàng Seo Páo');
});

test('errors are listed, linked to their fields, counted in the title, and the typed value is kept', async ({
  page,
}) => {
  await page.goto('/vi/procedures/register-birth/apply');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByRole('heading', { name: 'Có lỗi cần sửa' })).toBeVisible();
  await expect(page).toHaveTitle(/^\(1 lỗi\)/);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.locator('#relationship-to-child-mother').check();
  await saveAndContinue(page);
  await page.locator('#applicant-name').fill('<script>alert(1)</script>');
  await saveAndContinue(page);
  await expect(page).toHaveTitle(/^\(1 lỗi\) Họ và tên của bạn/);
  const summaryLink = page.getByRole('link', { name: /chỉ được có chữ cái/ });
  await expect(summaryLink).toHaveAttribute('href', '#applicant-name');
  await expect(page.locator('#applicant-name')).toHaveValue('<script>alert(1)</script>');
  await expect(page.locator('#applicant-name')).toHaveAttribute('aria-invalid', 'true');

  await page.locator('#applicant-name').fill('Giàng Thị Mỷ');
  await saveAndContinue(page);
  await page.locator('#applicant-sex-female').check();
  await saveAndContinue(page);
  await page.locator('#applicant-dob-day').fill('31');
  await page.locator('#applicant-dob-month').fill('2');
  await page.locator('#applicant-dob-year').fill('1995');
  await saveAndContinue(page);
  await expect(page.getByRole('main')).toContainText('phải là một ngày có thật');
  await page.locator('#applicant-dob-day').fill('12');
  await saveAndContinue(page);
  // A citizen ID whose birth year does not match the date of birth given.
  await page.locator('#applicant-cid').fill('002190012345');
  await saveAndContinue(page);
  await expect(page.getByRole('main')).toContainText('là 1990, nhưng ngày sinh đã nhập là năm 1995');
});

test('uploads: a file that lies about its type is refused, a real photo is kept and shown only to its owner', async ({
  page,
  browser,
}) => {
  await startAndAnswerAll(page, 'register-birth');
  await page.getByRole('link', { name: 'Sửa giấy chứng sinh' }).click();
  await page
    .locator('#birth-notice')
    .setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a jpeg') });
  await saveAndContinue(page);
  await expect(page.getByRole('main')).toContainText('phải là ảnh JPG, PNG hoặc tệp PDF');

  await page.locator('#birth-notice').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: PNG });
  await saveAndContinue(page);
  await page.getByRole('link', { name: 'Sửa giấy chứng sinh' }).click();
  const view = page.getByRole('link', { name: 'Xem tệp đã tải lên' });
  const href = (await view.getAttribute('href'))!;
  const own = await page.request.get(href);
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toBe('image/png');

  const stranger = await browser.newContext();
  expect((await stranger.request.get(new URL(href, page.url()).toString())).status()).toBe(404);
  await stranger.close();
});

test('an oversized file is refused with the cap stated', async ({ page }) => {
  await startAndAnswerAll(page, 'register-birth');
  await page.getByRole('link', { name: 'Sửa giấy chứng sinh' }).click();
  await expect(page.getByRole('main')).toContainText('tối đa 5 MB');
  const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]);
  await page.locator('#birth-notice').setInputFiles({ name: 'to.png', mimeType: 'image/png', buffer: big });
  await saveAndContinue(page);
  await expect(page.getByRole('main')).toContainText('phải nhỏ hơn 5 MB');
});

test('resume on another browser with the code', async ({ page, browser }) => {
  await page.goto('/vi/procedures/birth-bundle/apply');
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.locator('#relationship-to-child-father').check();
  await saveAndContinue(page);
  await page.locator('#applicant-name').fill('Vàng Seo Páo');
  await saveAndContinue(page);
  const code = (await page.getByText(/Mã làm tiếp của bạn:/).textContent())!.split(':')[1]!.trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  const laptop = await browser.newContext({ javaScriptEnabled: test.info().project.name !== 'no-js' });
  const other = await laptop.newPage();
  await other.goto('/vi/apply/resume');
  await other.getByLabel('Làm tiếp hồ sơ bằng mã').fill(code.toLowerCase());
  await other.getByRole('button', { name: 'Làm tiếp' }).click();
  await expect(other).toHaveURL(/\/apply\/birth-bundle$/);
  await expect(other.getByRole('main')).toContainText('Đang làm');
  await other.getByRole('link', { name: 'Thông tin người nộp' }).click();
  await expect(other).toHaveURL(/\/q\/applicant-sex$/);
  await laptop.close();
});

test('a wrong resume code gets a clear error', async ({ page }) => {
  await page.goto('/vi/apply/resume');
  await page.getByLabel('Làm tiếp hồ sơ bằng mã').fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Làm tiếp' }).click();
  await expect(page.getByRole('main')).toContainText('Không tìm thấy hồ sơ với mã này');
  await expect(page.getByLabel('Làm tiếp hồ sơ bằng mã')).toHaveValue('');
});

test('submitting twice yields one receipt; the receipt QR opens its tracking page', async ({ page }) => {
  await startAndAnswerAll(page, 'birth-bundle');
  await declareAndSubmit(page);
  const reference = await page.locator('[data-reference]').getAttribute('data-reference');
  // Back to the form and send it again, then refresh the confirmation.
  await page.goBack();
  if (questionIdFrom(page.url()) === null && /\/check$/.test(page.url())) {
    await declareAndSubmit(page);
  }
  await page.reload();
  await expect(page.locator('[data-reference]')).toHaveAttribute('data-reference', reference!);

  await page.getByRole('link', { name: 'In hoặc lưu biên nhận' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Biên nhận hồ sơ');
  await expect(page.getByRole('img', { name: /Quét mã QR/ })).toBeVisible();
  const trackUrl = (await page.locator('figcaption .font-mono').textContent())!;
  expect(trackUrl).toMatch(new RegExp(`/vi/track/${reference}$`));
  await page.goto(new URL(trackUrl).pathname);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(3);

  if (process.env.DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(process.env.DATABASE_URL, { max: 1 });
    const [row] = await sql`select count(*)::int as n from submissions where reference = ${reference!}`;
    const [outbox] =
      await sql`select count(*)::int as n from outbox_messages o join dossiers d on d.id = o.dossier_id join submissions s on s.id = d.submission_id where s.reference = ${reference!}`;
    await sql.end();
    expect(row!.n).toBe(1);
    expect(outbox!.n).toBe(3);
  }
});

test('the satisfaction rating is optional and says thank you', async ({ page }) => {
  await startAndAnswerAll(page, 'cultural-family-title');
  await declareAndSubmit(page);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('main')).toContainText('Hãy chọn một mức đánh giá');
  await page.getByLabel('Rất dễ').check();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByRole('main')).toContainText('Cảm ơn bạn đã đánh giá.');
});

test('a malformed form body gets a clear, translated 400 page, not a crash', async ({ request }) => {
  const response = await request.post('/en/apply/register-birth/q/child-name', {
    headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
    data: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nbroken',
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('The form could not be read');
});

test('a submitted bundle reaches the province: each dossier gets its code on the tracking page', async ({
  page,
}) => {
  await startAndAnswerAll(page, 'death-bundle');
  await declareAndSubmit(page);
  await page.getByRole('link', { name: 'Xem tình trạng hồ sơ' }).click();
  // The relay delivers in the background (in-process with PGlite, `npm run worker` with PostgreSQL).
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/Mã hồ sơ của tỉnh: \d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}/)).toHaveCount(3);
  }).toPass({ timeout: 30_000 });
});

test('a form from before a redeploy leads back to the draft with a clear message, not a bare 409', async ({
  page,
}) => {
  // An action id this build does not have: what a page rendered by an earlier deploy would name if the
  // action had since been renamed or removed.
  const staleId = `40${'f'.repeat(40)}`;
  await page.goto('/en/procedures/register-birth/apply');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/q\//);
  const questionUrl = new URL(page.url()).pathname;

  if (test.info().project.name === 'no-js') {
    const response = await page.request.post(questionUrl, {
      multipart: { [`$ACTION_ID_${staleId}`]: '', [questionIdFrom(questionUrl)!]: 'x' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    await page.goto(response.headers().location!);
  } else {
    // With JavaScript the action id travels in a header; the server answers "not found" and the error
    // boundary explains.
    await page.route(`**${questionUrl}`, (route, request) =>
      request.method() === 'POST' && request.headers()['next-action']
        ? route.continue({ headers: { ...request.headers(), 'next-action': staleId } })
        : route.continue(),
    );
    await saveAndContinue(page);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page was out of date');
  await page.unrouteAll();
  await page.getByRole('link', { name: 'Go back to your application' }).click();
  await expect(page).toHaveURL(new RegExp(`${questionUrl}$`));
  await expect(page.getByRole('button', { name: 'Save and continue' })).toBeVisible();
});
