import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLostConnection } from '@/lib/lostConnection';

describe('a Server Action call that got no answer (docs/adr/0024)', () => {
  it.each([
    ['Chromium and Android WebView', 'Failed to fetch'],
    ['Chromium with a detail after the wording', 'Failed to fetch (motcua.example.gov.vn)'],
    ['Chromium, the answer cut off mid-body', 'network error'],
    ['Firefox', 'NetworkError when attempting to fetch resource.'],
    ['Safari and iOS', 'Load failed'],
  ])('%s: "%s" is a lost connection', (_engine, message) => {
    expect(isLostConnection(new TypeError(message))).toBe(true);
  });

  it('keeps every other failure for the error boundary', () => {
    // What Next.js throws for a 413, 502 page or any answer that is not the action's own.
    expect(isLostConnection(new Error('An unexpected response was received from the server.'))).toBe(false);
    // The same wording on another error type is not the browser's network failure.
    expect(isLostConnection(new Error('Failed to fetch'))).toBe(false);
    // A bug of ours is a TypeError too.
    expect(isLostConnection(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isLostConnection(new TypeError('Something failed to fetch'))).toBe(false);
    // The wording read from the start only: a message of ours that quotes it further on is ours.
    expect(isLostConnection(new TypeError('Draft not saved: Failed to fetch was expected'))).toBe(false);
    expect(isLostConnection(new DOMException('The user aborted a request.', 'AbortError'))).toBe(false);
    expect(isLostConnection('Failed to fetch')).toBe(false);
    expect(isLostConnection(undefined)).toBe(false);
  });
});

/** `<form action={someAction}>`: a Server Action. GET forms pass a path (a string or a call) instead. */
const SERVER_ACTION_FORM = /<form\b[^>]*\baction=\{\s*[A-Za-z_$][\w$]*\s*\}/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .map((file) => path.join(dir, file));
}

describe('every form posting to a Server Action', () => {
  // The operations page is the province's, used on its own network; LostSignalForm is the form itself.
  const allowed = new Set([
    path.join('app', '[locale]', 'ops', 'page.tsx'),
    path.join('components', 'forms', 'LostSignalForm.tsx'),
  ]);

  it('is an ActionForm, so a lost signal keeps what was typed', () => {
    const plain = [...tsxFiles('app'), ...tsxFiles('components')].filter(
      (file) => !allowed.has(file) && SERVER_ACTION_FORM.test(readFileSync(file, 'utf8')),
    );
    expect(plain).toEqual([]);
  });

  it('tells a Server Action form from a GET form', () => {
    expect(SERVER_ACTION_FORM.test('<form action={giveConsent} className="mt-6">')).toBe(true);
    expect(SERVER_ACTION_FORM.test('<form method="get" action={localePath(locale, path)}>')).toBe(false);
  });
});
