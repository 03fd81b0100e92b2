import { expect, type Page } from '@playwright/test';
import { findQuestion } from '@/catalogue/forms/flow';
import { findJourney } from '@/catalogue/forms/journeys';

/** A tiny valid PNG (1×1 white), for uploads: the portal decodes it (the old fixture's pixel data was cut short). */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000970485973000003e8000003e801b57b526b0000000c49444154089963f8ffff3f0005fe02fe58f26b0e0000000049454e44ae426082',
  'hex',
);

const recent = (daysAgo: number) => {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) };
};

/**
 * Answers a person might give, keyed by question id. Names keep their diacritics and minority
 * spellings; citizen IDs agree with the dates of birth and sexes given (province 002, Hà Giang).
 */
export const validAnswers: Record<string, string | { day: string; month: string; year: string } | 'FILE'> = {
  'relationship-to-child': 'mother',
  'relationship-to-deceased': 'child',
  'relationship-to-person': 'child',
  'applicant-name': 'Giàng Thị Mỷ',
  'applicant-sex': 'female',
  'applicant-dob': { day: '12', month: '3', year: '1995' },
  'applicant-cid': '002195012345',
  'applicant-phone': '0912 345 678',
  'applying-for': 'self',
  'office-commune': 'tan-quang',
  'residence-commune': 'nam-dan',
  'residence-village': 'Thôn Nà Pồng',
  'household-head-name': 'Vàng Seo Páo',
  'child-name': 'Vàng Thị Mai',
  'child-sex': 'female',
  'child-dob': recent(10),
  'child-birthplace': 'health-facility',
  'birth-notice': 'FILE',
  'birth-witness-name': 'Lò Văn Tủa',
  'mother-name': 'Giàng Thị Mỷ',
  'mother-dob': { day: '', month: '', year: '1995' },
  'mother-cid': '002195012345',
  'parents-married': 'yes',
  'father-declared': 'yes',
  'father-name': 'Vàng Seo Páo',
  'father-dob': { day: '', month: '', year: '1990' },
  'father-cid': '002090123456',
  'deceased-name': 'Vàng Chỉn Sè',
  'deceased-sex': 'male',
  'deceased-dob': { day: '', month: '', year: '1940' },
  'deceased-cid': '',
  'death-date': recent(3),
  'death-place': 'home',
  'death-notice': 'FILE',
  'deceased-received-allowance': 'yes',
  'payment-method': 'cash',
  'partner1-name': 'Nông Thị Lan',
  'partner1-sex': 'female',
  'partner1-dob': { day: '1', month: '6', year: '1998' },
  'partner1-cid': '002198000111',
  'partner2-name': 'Hoàng Văn Đức',
  'partner2-sex': 'male',
  'partner2-dob': { day: '9', month: '9', year: '1996' },
  'partner2-cid': '002096000222',
  'record-type': 'birth',
  'record-person-name': 'Giàng Thị Mỷ',
  'record-commune': 'tan-lap',
  'copies-count': '2',
  'marital-status': 'single',
  'certificate-purpose': 'marriage',
  'id-card-photo': 'FILE',
  'household-size': '5',
  'hardship-reason': 'disaster',
  'hardship-details': 'Lũ cuốn mất nhà và ruộng.',
  'leaving-reason': 'Có người con đi làm ở khu công nghiệp.',
  'allowance-action': 'start',
  'beneficiary-group': 'elderly',
  'title-year': '2026',
};

export function questionIdFrom(url: string): string | null {
  return /\/q\/([^/?]+)/.exec(url)?.[1] ?? null;
}

/** Fills in the current question page with `value`, by the kind of question it is. */
export async function answerCurrent(page: Page, journeyId: string, value: (typeof validAnswers)[string]) {
  const questionId = questionIdFrom(page.url())!;
  const question = findQuestion(findJourney(journeyId)!, questionId)!.question;
  switch (question.kind) {
    case 'choice':
      await page.locator(`#${questionId}-${value as string}`).check();
      break;
    case 'date': {
      const date = value as { day: string; month: string; year: string };
      await page.locator(`#${questionId}-day`).fill(date.day);
      await page.locator(`#${questionId}-month`).fill(date.month);
      await page.locator(`#${questionId}-year`).fill(date.year);
      break;
    }
    case 'commune':
      await page.locator(`#${questionId}`).selectOption(value as string);
      break;
    case 'file':
      await page
        .locator(`#${questionId}`)
        .setInputFiles({ name: 'giay-to.png', mimeType: 'image/png', buffer: PNG });
      break;
    default:
      await page.locator(`#${questionId}`).fill(value as string);
  }
}

export async function saveAndContinue(page: Page) {
  await page.getByRole('button', { name: /Lưu và tiếp tục|Save and continue/ }).click();
}

/** From the start page to "check your answers", answering every question with `answers`. */
export async function startAndAnswerAll(
  page: Page,
  journeyId: string,
  answers: Partial<typeof validAnswers> = {},
  locale = 'vi',
) {
  await page.goto(`/${locale}/procedures/${journeyId}/apply`);
  await page.getByRole('button', { name: /Bắt đầu|Start now/ }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Tiếp tục|Continue/ }).click();
  // With JavaScript the redirect is a client-side navigation: wait for it before reading the URL.
  await expect(page).toHaveURL(/\/q\//);
  await answerUntilCheck(page, journeyId, answers);
}

export async function answerUntilCheck(
  page: Page,
  journeyId: string,
  answers: Partial<typeof validAnswers> = {},
) {
  for (let guard = 0; guard < 60 && questionIdFrom(page.url()); guard += 1) {
    const questionId = questionIdFrom(page.url())!;
    const value = questionId in answers ? answers[questionId] : validAnswers[questionId];
    expect(value, `a fixture answer for ${questionId}`).toBeDefined();
    await answerCurrent(page, journeyId, value!);
    await saveAndContinue(page);
    await expect(page).not.toHaveURL(new RegExp(`/q/${questionId}(\\?|$)`));
  }
  await expect(page).toHaveURL(new RegExp(`/apply/${journeyId}/check$`));
}

export async function declareAndSubmit(page: Page) {
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Gửi hồ sơ|Send application/ }).click();
}
