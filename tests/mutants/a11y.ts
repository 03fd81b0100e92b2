import { afterBuild, type Mutant } from './types';

/** Deliberate bugs the accessibility and consistency tests of issue 13 (items 16, 17) must catch. */
const mutants: Mutant[] = [
  {
    id: 'error-summary-no-focus-effect',
    description: 'The error summary no longer takes focus when a rejection re-renders it with JavaScript',
    file: 'components/forms/ErrorSummaryBox.tsx',
    find: 'summary.current?.focus();',
    replace: '',
    // Only a browser sees focus: needs a fresh build (E2E_PORT etc. as for any Playwright run).
    command: afterBuild('test tests/e2e/errorFocus.spec.ts --project=js'),
  },
  {
    id: 'autonym-without-lang',
    description: '"Tiếng Việt" inside a Hmong sentence loses its lang="vi"',
    file: 'components/media/GuideMedia.tsx',
    find: '<span key="language" lang={recording.language}>',
    replace: '<span key="language">',
    tests: ['tests/unit/a11yContent.test.tsx'],
  },
  {
    id: 'draft-marker-without-lang',
    description: 'The transcript\'s "(bản nháp)" is written as plain text, without its fallback lang',
    file: 'components/media/GuideMedia.tsx',
    find: "{transcript.status === 'draft' && <> ({t('draft')})</>}",
    replace: "{transcript.status === 'draft' && ` (${t.text('draft')})`}",
    tests: ['tests/unit/a11yContent.test.tsx'],
  },
  {
    id: 'qr-svg-unnamed',
    description: "The leaflet's QR <svg> loses its role and name",
    file: 'components/leaflet/Leaflet.tsx',
    find: '<svg$1 role="img" aria-label="${escaped}">',
    replace: '<svg$1>',
    tests: ['tests/unit/a11yContent.test.tsx'],
  },
  {
    id: 'online-claim-not-derived',
    description: 'A guide repeats the law\'s "fully online" whether or not a journey exists',
    file: 'catalogue/online.ts',
    find: "return canApplyOnline(procedure) ? procedure.online.value : 'not-yet';",
    replace: 'return procedure.online.value;',
    tests: ['tests/unit/a11yContent.test.tsx'],
  },
  {
    id: 'date-time-own-format',
    description: 'Date and time asked of Intl in one go again ("13:08 02/12/2026")',
    file: 'i18n/format.ts',
    find: 'return `${formatDate(date, locale)}, ${time}`;',
    replace:
      "return new Intl.DateTimeFormat(formattingLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(date);",
    tests: ['tests/unit/a11yContent.test.tsx'],
  },
  {
    id: 'tracking-order-by-id',
    description: "The tracking view lists a bundle's dossiers by procedure id, not in the journey's order",
    file: 'lib/dossierOrder.ts',
    find: '(a, b) => position(a) - position(b) || a.procedureId.localeCompare(b.procedureId)',
    replace: '(a, b) => a.procedureId.localeCompare(b.procedureId)',
    tests: ['tests/unit/a11yContent.test.tsx', 'tests/unit/tracking.test.ts'],
  },
];

export default mutants;
