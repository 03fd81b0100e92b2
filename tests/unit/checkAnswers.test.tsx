import { isValidElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import CheckAnswersPage from '@/app/[locale]/apply/[journeyId]/check/page';
import { maskCitizenId } from '@/catalogue/forms/citizenId';
import { journeys } from '@/catalogue/forms/journeys';
import type { AnswerValue } from '@/catalogue/forms/types';
import { connect } from '@/db/client';
import { createDraft, saveAnswer } from '@/db/queries/drafts';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { hashToken, SESSION_COOKIE } from '@/lib/session';
import { validAnswers } from '../support/apply';
import { cookieJar, type CookieJar } from '../support/cookies';
import { databaseTargets } from '../support/db';

// "Check your answers" is read on shared screens (the village-hall laptop): a citizen ID is shown masked
// even to its owner. The page is rendered from a real draft; its text must hold the masked ID and never
// the full 12 digits.
let jar: CookieJar = cookieJar();
vi.mock('next/headers', () => ({ cookies: async () => jar.store }));

/** Every string the page puts in its element tree (components are not rendered, their children are read). */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return `${node} `;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement(node)) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

const withCitizenId = journeys.filter((j) =>
  j.sections.some((s) => s.questions.some((q) => q.kind === 'citizen-id')),
);

describe.each(databaseTargets)('check answers on $name', ({ options }) => {
  const conn = connect(options);
  const global = globalThis as unknown as { motcuaDb?: unknown };
  beforeAll(async () => {
    global.motcuaDb = conn;
    await conn.migrate();
    await seed(conn.db);
  });
  afterAll(async () => {
    delete global.motcuaDb;
    await conn.close();
  });

  it.each(withCitizenId.map((j) => j.id))(
    'shows %s’s citizen IDs masked, never in full',
    async (journeyId) => {
      const token = randomCode().padEnd(43, 'x').slice(0, 43);
      const draft = await createDraft(conn.db, {
        sessionHash: hashToken(token),
        journeyId,
        journeyVersion: 1,
        resumeCode: randomCode(),
        lifetimeDays: 30,
      });
      for (const [id, value] of Object.entries(validAnswers)) {
        const answer: AnswerValue =
          value === 'FILE'
            ? { fileId: '00000000-0000-0000-0000-000000000000', name: 'giay-to.png', size: 68 }
            : value;
        await saveAnswer(conn.db, draft.id, id, answer, 30);
      }
      jar = cookieJar(`${SESSION_COOKIE}=${token}`);
      const page = await CheckAnswersPage({
        params: Promise.resolve({ locale: 'vi', journeyId }),
      } as Parameters<typeof CheckAnswersPage>[0]);
      const text = textOf(page);

      const ids = Object.entries(validAnswers)
        .filter(([id, v]) => id.endsWith('-cid') && typeof v === 'string' && v !== '')
        .map(([, v]) => v as string)
        .filter((cid) => text.includes(maskCitizenId(cid)));
      // At least the applicant's or a parent's ID is on the page, masked.
      expect(ids.length, text).toBeGreaterThan(0);
      for (const cid of Object.values(validAnswers).filter(
        (v) => typeof v === 'string' && /^\d{12}$/.test(v),
      ))
        expect(text).not.toContain(cid);
      expect(text).not.toMatch(/\d{12}/);
    },
  );
});
