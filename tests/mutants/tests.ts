import type { Mutant } from './types';

// Issue 13's survivors in no other helper's area, and the session rules they rest on: each bug below
// passed every test before the tests named beside it were written.

const fileOwner = ['tests/unit/fileOwner.test.ts'];
const session = ['tests/unit/session.test.ts'];
const i18nAudit = ['tests/unit/i18nAudit.test.ts'];
const icu = ['tests/unit/icuMessages.test.ts'];

const mutants: Mutant[] = [
  {
    id: 'file-route-any-session-draft',
    description:
      'The file route counts every draft as the session’s own, so anyone with a session sees any file',
    file: 'app/api/files/[fileId]/route.ts',
    find: '.from(drafts).where(eq(drafts.sessionHash, sessionHash));',
    replace: '.from(drafts);',
    tests: fileOwner,
  },
  {
    id: 'file-owner-check-removed',
    description: 'findOwnFile returns a file whatever draft it belongs to',
    file: 'db/queries/files.ts',
    find: 'return row && draftIds.includes(row.draftId) ? row : undefined;',
    replace: 'return row;',
    tests: fileOwner,
  },
  {
    id: 'session-hash-ignores-token',
    description: 'Every session cookie maps to the same session hash',
    file: 'lib/session.ts',
    find: '? hashToken(token) : null;',
    replace: "? hashToken('session') : null;",
    tests: [...session, ...fileOwner],
  },
  {
    id: 'session-token-format-unchecked',
    description: 'Any cookie value is taken as a session token',
    file: 'lib/session.ts',
    find: 'token && /^[A-Za-z0-9_-]{43}$/.test(token) ?',
    replace: 'token ?',
    tests: session,
  },
  {
    id: 'session-cookie-not-httponly',
    description: 'The session cookie is readable by page scripts',
    file: 'lib/session.ts',
    find: 'httpOnly: true,',
    replace: 'httpOnly: false,',
    tests: session,
  },
  {
    id: 'session-cookie-no-samesite',
    description: 'The session cookie has no SameSite attribute',
    file: 'lib/session.ts',
    find: "sameSite: 'lax',",
    replace: '',
    tests: session,
  },
  {
    id: 'session-cookie-not-secure',
    description: 'The session cookie is sent over plain HTTP even with SECURE_COOKIES',
    file: 'lib/session.ts',
    find: '    secure,\n',
    replace: '    secure: false,\n',
    tests: session,
  },
  {
    id: 'session-cookie-no-host-prefix',
    description: 'The session cookie loses its __Host- prefix in production',
    file: 'lib/session.ts',
    find: "secure ? '__Host-motcua_session' : 'motcua_session'",
    replace: "'motcua_session'",
    tests: session,
  },
  {
    id: 'draft-found-by-any-session',
    description: 'findDraft ignores the session, so a person resumes whoever’s draft came last',
    file: 'db/queries/drafts.ts',
    find: 'eq(drafts.sessionHash, sessionHash),\n        eq(drafts.journeyId, journeyId),',
    replace: 'eq(drafts.journeyId, journeyId),',
    tests: ['tests/unit/sessionDrafts.test.ts'],
  },
  {
    id: 'draft-never-expires',
    description: 'findDraft returns a draft after its lifetime has ended',
    file: 'db/queries/drafts.ts',
    find: 'gt(drafts.expiresAt, sql`now()`),\n',
    replace: '',
    tests: ['tests/unit/sessionDrafts.test.ts'],
  },
  {
    id: 'upload-not-sensitive',
    description:
      'Every upload is stored as not sensitive (seen through the question page action), so ID-card photos are never deleted',
    file: 'lib/uploads.ts',
    find: 'sensitive: question.sensitive ?? false,',
    replace: 'sensitive: false,',
    tests: ['tests/unit/sensitiveUpload.test.ts'],
  },
  {
    id: 'id-card-photo-not-sensitive',
    description: 'The ID-card photo question loses its sensitive flag',
    file: 'catalogue/forms/journeys.ts',
    find: "{ id: 'id-card-photo', kind: 'file', sensitive: true, optional: true }",
    replace: "{ id: 'id-card-photo', kind: 'file', optional: true }",
    tests: ['tests/unit/sensitiveUpload.test.ts'],
  },
  {
    id: 'check-answers-cid-unmasked',
    description: 'Check your answers shows the full 12-digit citizen ID',
    file: 'lib/answerText.ts',
    find: 'return maskCitizenId(answer);',
    replace: 'return answer;',
    tests: ['tests/unit/checkAnswers.test.tsx'],
  },
  {
    id: 'i18n-missing-key-off',
    description: 'The i18n check no longer reports a key English is missing',
    file: 'lib/i18nAudit.ts',
    find: 'return [...source.keys()].filter((key) => !own.has(key));',
    replace: 'return [];',
    tests: i18nAudit,
  },
  {
    id: 'i18n-missing-key-not-run',
    description: 'The i18n check compares Vietnamese with itself instead of English',
    file: 'lib/i18nAudit.ts',
    find: 'keysAbsent(source, sets.messages.en)',
    replace: 'keysAbsent(source, source)',
    tests: i18nAudit,
  },
  {
    id: 'i18n-orphan-key-off',
    description: 'The i18n check no longer reports keys Vietnamese does not have',
    file: 'lib/i18nAudit.ts',
    find: 'return [...own.keys()].filter((key) => !source.has(key));',
    replace: 'return [];',
    tests: i18nAudit,
  },
  {
    id: 'i18n-placeholder-off',
    description: 'The i18n check no longer compares ICU placeholders with Vietnamese',
    file: 'lib/i18nAudit.ts',
    find: 'original !== undefined && !sameSet(',
    replace: 'original !== undefined && false && !sameSet(',
    tests: i18nAudit,
  },
  {
    id: 'i18n-status-off',
    description: 'A minority-language string without a status passes the i18n check',
    file: 'lib/i18nAudit.ts',
    find: 'if (!status.keys[key]) problems.push',
    replace: 'if (false) problems.push',
    tests: i18nAudit,
  },
  {
    id: 'vi-plural-without-pound',
    description: 'The Vietnamese error-count plural drops its number',
    file: 'messages/vi.json',
    find: '"titlePrefix": "({count, plural, other {# lỗi}})"',
    replace: '"titlePrefix": "({count, plural, other {lỗi}})"',
    tests: icu,
  },
  {
    id: 'vi-plural-broken-branch',
    description: 'A Vietnamese plural loses its closing brace',
    file: 'messages/vi.json',
    find: '"count": "{count, plural, other {Tìm thấy # kết quả}}"',
    replace: '"count": "{count, plural, other {Tìm thấy # kết quả}"',
    tests: icu,
  },
  {
    id: 'vi-plural-without-other',
    description: 'A Vietnamese plural’s only branch is not `other`',
    file: 'messages/vi.json',
    find: '{days, plural, other {# ngày}}',
    replace: '{days, plural, one {# ngày}}',
    tests: icu,
  },
  {
    id: 'en-plural-category-without-pound',
    description: 'An English plural’s `one` branch drops the number Vietnamese shows',
    file: 'messages/en.json',
    find: '{days, plural, one {# day} other {# days}}',
    replace: '{days, plural, one {a day} other {# days}}',
    tests: icu,
  },
];

export default mutants;
