import { afterBuild, type Mutant } from './types';

/** The browser-only rules need a fresh build, as for any Playwright run (E2E_PORT etc.). */
const lostSignalSpec = afterBuild('test tests/e2e/lostSignal.spec.ts --project=js');

/** Deliberate bugs the lost-signal tests of issue 14 must catch (docs/adr/0024). */
const mutants: Mutant[] = [
  {
    id: 'lost-connection-any-type-error',
    description: 'Every TypeError, a bug of ours included, is taken for a lost connection',
    file: 'lib/lostConnection.ts',
    find: 'return error instanceof TypeError && NO_ANSWER.test(error.message);',
    replace: 'return error instanceof TypeError;',
    tests: ['tests/unit/lostConnection.test.ts'],
  },
  {
    id: 'lost-connection-only-chromium',
    description: "Safari's and Firefox's wording of a failed fetch goes to the system-error page",
    file: 'lib/lostConnection.ts',
    find: '/^(?:Failed to fetch|network error|NetworkError when attempting to fetch resource|Load failed)/',
    replace: '/^(?:Failed to fetch|network error)/',
    tests: ['tests/unit/lostConnection.test.ts'],
  },
  {
    id: 'lost-connection-anywhere-in-message',
    description: 'The wording is looked for anywhere in the message, not from its start',
    file: 'lib/lostConnection.ts',
    find: '/^(?:Failed',
    replace: '/(?:Failed',
    tests: ['tests/unit/lostConnection.test.ts'],
  },
  {
    id: 'citizen-form-plain',
    description: 'The consent page posts through a plain <form action>, without the lost-signal handling',
    file: 'app/[locale]/apply/[journeyId]/consent/page.tsx',
    find: '<ActionForm locale={locale} action={giveConsent} className="mt-6">',
    replace: '<form action={giveConsent} className="mt-6">',
    tests: ['tests/unit/lostConnection.test.ts'],
  },
  {
    id: 'lost-signal-not-caught',
    description: 'A lost connection is thrown on to the error boundary (the system-error page) again',
    file: 'components/forms/LostSignalForm.tsx',
    find: 'if (!isLostConnection(error)) throw error;',
    replace: 'throw error;',
    command: lostSignalSpec,
  },
  {
    id: 'lost-signal-stale-message',
    description:
      'The message of an earlier failure stays while the next try is on its way, and is not announced again',
    file: 'components/forms/LostSignalForm.tsx',
    find: '    setLost(false);\n',
    replace: '',
    command: lostSignalSpec,
  },
  {
    id: 'lost-signal-second-send',
    description: 'A second press while a request is on its way sends the form again',
    file: 'components/forms/LostSignalForm.tsx',
    find: '    if (sending.current) return;\n',
    replace: '',
    command: lostSignalSpec,
  },
  {
    id: 'lost-signal-no-submitter',
    description: 'The pressed button (skip) no longer travels with the form',
    file: 'components/forms/LostSignalForm.tsx',
    find: 'new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter)',
    replace: 'new FormData(event.currentTarget)',
    command: lostSignalSpec,
  },
  {
    id: 'lost-signal-ignores-size-check',
    description: 'A photo FileInput refused for its size is sent all the same',
    file: 'components/forms/LostSignalForm.tsx',
    find: '    if (event.defaultPrevented) return;\n',
    replace: '',
    command: afterBuild("test tests/e2e/apply.spec.ts --project=js -g 'oversized photo'"),
  },
  {
    id: 'lost-signal-react-submits',
    description: "React's own form action is left to submit (its form reset clears what was typed)",
    file: 'components/forms/LostSignalForm.tsx',
    find: '    event.preventDefault();\n',
    replace: '',
    command: lostSignalSpec,
  },
];

export default mutants;
