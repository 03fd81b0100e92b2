import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { journeys } from '@/catalogue/forms/journeys';
import { expectNoAxeViolations, pageSource } from '../support/axe';
import { decodeQr } from '../support/qr';
import {
  answerCurrent,
  answerUntilCheck,
  declareAndSubmit,
  PNG,
  questionIdFrom,
  saveAndContinue,
  startAndAnswerAll,
  validAnswers,
} from '../support/apply';

// Every journey end to end with JavaScript off; with it on, one single procedure and both bundles (the
// client-side router is the same for every journey, the questions are not).
const JS_JOURNEYS = new Set(['register-birth', 'birth-bundle', 'death-bundle']);
for (const journey of journeys) {
  test(`${journey.id}: apply and get a receipt`, async ({ page }) => {
    test.skip(
      test.info().project.name === 'js' && !JS_JOURNEYS.has(journey.id),
      'with JavaScript on, three journeys stand for the rest',
    );
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
  await expect(page.getByRole('main')).toContainText('là một ngày có thật');
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
  await expect(page.getByRole('main')).toContainText('là ảnh JPG, PNG hoặc tệp PDF');

  await page.locator('#birth-notice').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: PNG });
  await saveAndContinue(page);
  await page.getByRole('link', { name: 'Sửa giấy chứng sinh' }).click();
  const view = page.getByRole('link', { name: 'Xem tệp đã tải lên' });
  const href = (await view.getAttribute('href'))!;
  const own = await page.request.get(href);
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toBe('image/jpeg'); // re-encoded, without its metadata

  const stranger = await browser.newContext();
  expect((await stranger.request.get(new URL(href, page.url()).toString())).status()).toBe(404);
  await stranger.close();
});

test('an oversized photo is refused next to its field, says how to make it smaller, and nothing is stored', async ({
  page,
  browser,
}) => {
  test.slow(); // a whole journey, a 9.9 MB file and an axe audit
  const js = test.info().project.name !== 'no-js';
  await startAndAnswerAll(page, 'register-birth');
  await page.getByRole('link', { name: 'Sửa giấy chứng sinh' }).click();
  const main = page.getByRole('main');
  await expect(main).toContainText('tối đa 5 MB');
  await expect(main).toContainText('xóa vị trí và các thông tin khác mà điện thoại ghi vào ảnh');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  // A camera photo of 9.9 MB: with JavaScript it is refused before a byte is sent.
  const big = Buffer.concat([PNG, Buffer.alloc(9.9 * 1024 * 1024)]);
  const field = page.getByLabel('Tải lên giấy chứng sinh');
  await field.setInputFiles({ name: 'to.png', mimeType: 'image/png', buffer: big });
  await saveAndContinue(page);
  const message = 'giấy chứng sinh nhỏ hơn 5 MB. Hãy chụp với độ phân giải thấp hơn';
  await expect(field).toHaveAccessibleDescription(new RegExp(message, 'i'));
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  if (js) {
    await expect(field).toBeFocused();
    expect(posts).toEqual([]);
  } else {
    await expect(page.getByRole('heading', { name: 'Có lỗi cần sửa' })).toBeVisible();
    await expect(page).toHaveTitle(/^\(1 lỗi\)/);
  }
  // The photo uploaded earlier is still the answer; the big one was not stored.
  await expect(main).toContainText('Đã tải lên: giay-to.jpg');
  await expectNoAxeViolations(browser, await pageSource(page));
});

test('a body over the transport limit gets a page that states the cap and how to make a photo smaller', async ({
  page,
}) => {
  test.slow(); // a whole journey and a 30 MB file handed to the browser
  test.skip(test.info().project.name !== 'no-js', 'with JavaScript the browser refuses the file first');
  await startAndAnswerAll(page, 'register-birth');
  await page.getByRole('link', { name: 'Sửa giấy chứng sinh' }).click();
  const huge = Buffer.concat([PNG, Buffer.alloc(30 * 1024 * 1024)]);
  await page
    .getByLabel('Tải lên giấy chứng sinh')
    .setInputFiles({ name: 'to.png', mimeType: 'image/png', buffer: huge });
  await saveAndContinue(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nội dung bạn gửi quá lớn');
  await expect(page.getByRole('main')).toContainText('Mỗi tệp tối đa 5 MB');
  await expect(page.getByRole('main')).toContainText('độ phân giải thấp hơn');
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

test('after submission the resume code opens nothing, and the submitter keeps the receipt, even in a race', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // Two people, two cookie jars: the submitter here, and a second browser typing the same resume code.
  const codeOf = async () => {
    await page.goto('/vi/apply/register-death');
    return (await page.getByText(/Mã làm tiếp của bạn:/).textContent())!.split(':')[1]!.trim();
  };
  const laptop = await browser.newContext({ javaScriptEnabled: test.info().project.name !== 'no-js' });
  const other = await laptop.newPage();
  const typeCode = async (code: string) => {
    await other.goto('/en/apply/resume');
    await other.getByLabel('Continue an application with a code').fill(code);
    await other.getByRole('button', { name: 'Continue' }).click();
  };

  // After: the code says "not found", in the page's language, and opens no receipt.
  await startAndAnswerAll(page, 'register-death');
  const code = await codeOf();
  await page.goto('/vi/apply/register-death/check');
  await declareAndSubmit(page);
  await expect(page).toHaveURL(/\/confirmation$/);
  const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
  await typeCode(code);
  await expect(other).toHaveURL(/\/en\/apply\/resume\?error=1$/);
  await expect(other.getByRole('main')).toContainText('No application was found with this code');
  await other.goto('/en/apply/register-death/confirmation');
  await expect(other.getByRole('main')).not.toContainText(reference.slice(0, 4));
  await page.reload();
  await expect(page.getByRole('main')).toContainText(reference.slice(0, 4));

  // The race: submit and resume at once. Whoever wins, a submission is always seen by its submitter.
  for (let round = 0; round < 3; round += 1) {
    await startAndAnswerAll(page, 'register-death');
    const raced = await codeOf();
    await page.goto('/vi/apply/register-death/check');
    await page.getByRole('checkbox').check();
    await Promise.all([page.getByRole('button', { name: 'Gửi hồ sơ' }).click(), typeCode(raced)]);
    await page.waitForURL(/\/(confirmation|resume\?expired=register-death)$/);
    if (page.url().endsWith('/confirmation')) {
      await expect(page.locator('[data-reference]')).toBeVisible();
      await expect(other).toHaveURL(/\/resume\?error=1$/);
    } else {
      await expect(other).toHaveURL(/\/apply\/register-death$/);
    }
  }
  await laptop.close();
});

test('a wrong resume code gets a clear error', async ({ page }) => {
  await page.goto('/vi/apply/resume');
  await page.getByLabel('Làm tiếp hồ sơ bằng mã').fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Làm tiếp' }).click();
  await expect(page.getByRole('main')).toContainText('Không tìm thấy hồ sơ với mã này');
  await expect(page.getByLabel('Làm tiếp hồ sơ bằng mã')).toHaveValue('');
});

// The "done when", as one story: a cheap phone's 320 px screen, the birth bundle in Vietnamese.
test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('leave halfway, resume on another browser with the code, upload a photo, submit twice: one receipt whose QR code opens its tracking page', async ({
    page,
    browser,
  }) => {
    test.slow(); // a whole journey on two browsers, with an upload
    await page.goto('/vi/procedures/birth-bundle/apply');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page).toHaveURL(/\/q\//);
    for (let i = 0; i < 3; i += 1) {
      const questionId = questionIdFrom(page.url())!;
      await answerCurrent(page, 'birth-bundle', validAnswers[questionId]!);
      await saveAndContinue(page);
      await expect(page).not.toHaveURL(new RegExp(`/q/${questionId}$`));
    }
    // Leave halfway: all the phone keeps is the resume code on the task list.
    await page.goto('/vi/apply/birth-bundle');
    const code = (await page.getByText(/Mã làm tiếp của bạn:/).textContent())!.split(':')[1]!.trim();

    const laptop = await browser.newContext({
      javaScriptEnabled: test.info().project.name !== 'no-js',
      viewport: { width: 320, height: 640 },
    });
    const other = await laptop.newPage();
    await other.goto('/vi/apply/resume');
    await other.getByLabel('Làm tiếp hồ sơ bằng mã').fill(code);
    await other.getByRole('button', { name: 'Làm tiếp' }).click();
    await expect(other).toHaveURL(/\/apply\/birth-bundle$/);
    await other.getByRole('link', { name: 'Thông tin người nộp' }).click();
    // The rest, including the birth notice photo, from the laptop.
    await answerUntilCheck(other, 'birth-bundle');
    await expect(other.getByRole('main')).toContainText(validAnswers['applicant-name'] as string);
    // Photos are re-encoded as JPEG (lib/uploads.ts), and named so.
    await expect(other.getByRole('main')).toContainText('giay-to.jpg');

    // Submit, go back and submit again, refresh the confirmation: one reference throughout.
    await declareAndSubmit(other);
    const reference = await other.locator('[data-reference]').getAttribute('data-reference');
    await other.goBack();
    if (/\/check$/.test(other.url())) await declareAndSubmit(other);
    await other.reload();
    await expect(other.locator('[data-reference]')).toHaveAttribute('data-reference', reference!);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Đã nhận hồ sơ');

    await other.getByRole('link', { name: 'In hoặc lưu biên nhận' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Biên nhận hồ sơ');
    // Read the QR code as a phone camera would: from the pixels on the screen.
    const qr = other.getByRole('img', { name: /Quét mã QR/ });
    const decoded = await decodeQr(qr);
    expect(decoded, 'the QR code decodes').not.toBeNull();
    const trackUrl = new URL(decoded!);
    expect(trackUrl.pathname).toBe(`/vi/track/${reference}`);
    expect(trackUrl.searchParams.get('k')).toMatch(/^[2-9A-Z]{20}$/);
    await laptop.close();

    // Anyone holding the printed receipt (a fresh browser: no session) opens the status with the QR code.
    const scanner = await browser.newContext({ javaScriptEnabled: test.info().project.name !== 'no-js' });
    const scanned = await scanner.newPage();
    await scanned.goto(trackUrl.pathname + trackUrl.search);
    await expect(scanned.getByRole('heading', { level: 1 })).toContainText(
      `${reference!.slice(0, 4)}-${reference!.slice(4)}`,
    );
    await expect(scanned.getByRole('heading', { level: 2, name: 'Tiến độ từng thủ tục' })).toBeVisible();
    await expect(scanned.locator('[data-current-status]')).toHaveCount(3);
    await scanner.close();

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
});

test('tracking by reference needs the last 4 digits; wrong digits are refused and the rate limit holds', async ({
  page,
  browser,
}) => {
  test.slow(); // a whole application, then seven look-ups
  await startAndAnswerAll(page, 'cultural-family-title');
  await declareAndSubmit(page);
  const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;

  const stranger = await (
    await browser.newContext({ javaScriptEnabled: test.info().project.name !== 'no-js' })
  ).newPage();
  // Without the receipt's key the receipt leads to the tracking page, which asks for the second factor.
  await stranger.goto(`/vi/receipts/${reference}`);
  await expect(stranger).toHaveURL(new RegExp(`/vi/track/${reference}$`));
  await expect(stranger.locator('[data-current-status], [aria-current="step"]')).toHaveCount(0);

  // Each try from a freshly loaded form, waiting for its answer: an error summary or the status.
  const attempt = async (digits: string) => {
    await stranger.goto('/vi/track');
    await stranger.getByLabel('Mã biên nhận').fill(reference.toLowerCase());
    await stranger.getByLabel('4 số cuối điện thoại hoặc số định danh cá nhân').fill(digits);
    await stranger.getByRole('button', { name: 'Xem' }).click();
    await expect(stranger.locator('#error-summary-title, [aria-current="step"]').first()).toBeVisible();
  };
  await attempt('0000');
  await expect(stranger.getByRole('main')).toContainText('không khớp với hồ sơ nào');
  await expect(stranger).toHaveTitle(/^\(1 lỗi\)/);
  await attempt('12');
  await expect(stranger.getByRole('main')).toContainText('Hãy nhập đúng 4 chữ số');
  // The last 4 digits of the phone number (0912 345 678) open it.
  await attempt('5678');
  await expect(stranger.getByRole('heading', { level: 1 })).toContainText('Tình trạng hồ sơ');
  await expect(stranger.locator('[aria-current="step"]')).toHaveCount(1);

  // Five tries per reference in 15 minutes: 0000 and 5678 counted (12 was refused before counting).
  for (const digits of ['1111', '2222', '3333']) await attempt(digits);
  await attempt('5678');
  await expect(stranger.getByRole('main')).toContainText('Đã thử quá nhiều lần');
  await expect(stranger.locator('[aria-current="step"]')).toHaveCount(0);
});

test('status pushes from the province must be signed', { tag: '@http' }, async ({ request }) => {
  const body = JSON.stringify({ MaHoSo: '000.00.00.H00-000000-0000', TrangThaiHoSo: 2, NhatKy: [] });
  const signed = (payload: string, secret = 'dev-webhook-secret') => {
    const timestamp = String(Date.now());
    return {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex'),
    };
  };
  const post = (data: string, headers: Record<string, string>) =>
    request.post('/api/province/status', { data, headers });
  expect((await post(body, signed(body, 'wrong-secret'))).status()).toBe(401);
  expect((await post(body, { 'content-type': 'application/json' })).status()).toBe(401);
  const stale = { ...signed(body), 'x-timestamp': String(Date.now() - 10 * 60_000) };
  expect((await post(body, stale)).status()).toBe(401);
  expect((await post('{"MaHoSo": 1}', signed('{"MaHoSo": 1}'))).status()).toBe(400);
  expect((await post(body, signed(body))).status()).toBe(404);
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

test(
  'a malformed form body gets a clear, translated 400 page, not a crash',
  { tag: '@http' },
  async ({ request }) => {
    const response = await request.post('/en/apply/register-birth/q/child-name', {
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      data: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nbroken',
    });
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('The form could not be read');
  },
);

test('a submitted bundle reaches the province: one view of the life event, each dossier with its code, then its result', async ({
  page,
}) => {
  test.slow(); // waits for delivery and for the simulator to step through the national statuses
  await startAndAnswerAll(page, 'death-bundle');
  await declareAndSubmit(page);
  await page.getByRole('link', { name: 'Xem tình trạng hồ sơ' }).click();
  await expect(page.getByRole('main')).toContainText('Hồ sơ cho việc: Gia đình có người mất');
  // The relay delivers in the background (in-process with PGlite, `npm run worker` with PostgreSQL).
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/Mã hồ sơ của tỉnh: \d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}/)).toHaveCount(3);
  }).toPass({ timeout: 30_000 });
  // Then the province's statuses arrive (polled, and pushed by the simulator's signed webhook), in plain
  // words with their dates, until each procedure's result has been handed over.
  await expect(async () => {
    await page.reload();
    await expect(page.locator('[data-current-status="result-returned"]')).toHaveCount(3);
  }).toPass({ timeout: 60_000 });
  await expect(page.getByText('Đang giải quyết').first()).toBeVisible();
  // The one date format (i18n/format.ts): "2 tháng 12, 2026, 13:08".
  await expect(page.locator('[aria-current="step"] time').first()).toHaveText(
    /^\(\d{1,2} tháng \d{1,2}, \d{4}, \d{2}:\d{2}\)$/,
  );

  if (process.env.DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(process.env.DATABASE_URL, { max: 1 });
    const sources = await sql`select distinct source from dossier_status_events`;
    await sql.end();
    expect(sources.map((r) => r.source).sort()).toEqual(['poll', 'webhook']);
  }
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

test(
  'form endpoint fuzz: random and hostile bodies never cause a 500 and store nothing',
  { tag: '@http' },
  async ({ page }) => {
    await page.goto('/vi/procedures/register-birth/apply');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page).toHaveURL(/\/q\/relationship-to-child$/);
    const url = new URL(page.url()).pathname;
    const hidden: Record<string, string> = {};
    for (const input of await page.locator('form input[type="hidden"]').all()) {
      hidden[(await input.getAttribute('name'))!] = (await input.getAttribute('value')) ?? '';
    }
    const options = ['mother', 'father', 'grandparent', 'relative', 'other'];
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom(
        '<script>alert(1)</script>',
        "' or 1=1 --",
        '\u0000',
        'x'.repeat(50_000),
        '../../etc/passwd',
      ),
    );
    const bodies = fc.sample(
      fc.record({
        answer: text.filter((v) => !options.includes(v)),
        locale: fc.oneof(fc.constant(hidden.locale!), text),
        journeyId: fc.oneof(fc.constant(hidden.journeyId!), text),
        questionId: fc.oneof(fc.constant(hidden.questionId!), text),
        extraName: fc.string({ minLength: 1, maxLength: 20 }),
        extraValue: text,
      }),
      { numRuns: 30, seed: 20261124 },
    );
    const action = Object.keys(hidden).find((name) => name.startsWith('$ACTION_ID_'))!;
    for (const body of bodies) {
      const response = await page.request.post(url, {
        multipart: {
          [action]: '',
          locale: body.locale,
          journeyId: body.journeyId,
          questionId: body.questionId,
          'relationship-to-child': body.answer,
          [body.extraName]: body.extraValue,
        },
        maxRedirects: 0,
      });
      expect(response.status(), JSON.stringify(body).slice(0, 200)).toBeLessThan(500);
    }
    // Nothing was stored: the question is still unanswered.
    await page.goto(url);
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
    await page.goto('/vi/apply/register-birth/check');
    await expect(page).not.toHaveURL(/\/check$/);
  },
);

test('a form posted from another site is refused with a clear, translated page', async ({ page }) => {
  await page.goto('/en/apply/resume');
  const fields: Record<string, string> = { code: 'ABCD-EFGH' };
  for (const input of await page.locator('form input[type="hidden"]').all()) {
    fields[(await input.getAttribute('name'))!] = (await input.getAttribute('value')) ?? '';
  }
  const post = (headers: Record<string, string>) =>
    page.request.post('/en/apply/resume', { multipart: fields, headers, maxRedirects: 0 });
  const refused = await post({ origin: 'https://evil.example' });
  expect(refused.status()).toBe(403);
  const html = await refused.text();
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('The form was sent from another site');
  // The same form from the portal's own origin goes through (here: to "no draft with this code").
  const own = await post({ origin: new URL(page.url()).origin });
  expect(own.status()).toBe(303);
  expect(own.headers().location).toContain('/en/apply/resume?error=1');
});
