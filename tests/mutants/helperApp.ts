import { afterBuild, type Mutant } from './types';

// The helper app (docs/adr/0029): each rule loosened, and the tests that must notice.
const spec = afterBuild('test tests/e2e/helperApp.spec.ts --project=js');

export default [
  {
    id: 'helper-upload-body-buffered',
    description: 'The proxy sees photo uploads, so Next.js buffers each body whole and a cut keeps nothing',
    file: 'proxy.ts',
    find: "matcher: '/((?!_next|_vercel|api/helper/v1/uploads|.*\\\\..*).*)',",
    replace: "matcher: '/((?!_next|_vercel|.*\\\\..*).*)',",
    command: afterBuild('test tests/e2e/syncCrash.spec.ts --project=no-js'),
  },
  {
    id: 'helper-key-extractable',
    description: 'The vault key can be read out of the device',
    file: 'lib/helperApp/vault.ts',
    find: "{ name: 'AES-GCM', length: 256 }, false,",
    replace: "{ name: 'AES-GCM', length: 256 }, true,",
    tests: ['tests/unit/helperVault.test.ts'],
  },
  {
    id: 'helper-iv-reused',
    description: 'Every record is sealed with the same IV',
    file: 'lib/helperApp/vault.ts',
    find: 'const freshIv = () => crypto.getRandomValues(new Uint8Array(12));',
    replace: 'const freshIv = () => new Uint8Array(12);',
    tests: ['tests/unit/helperVault.test.ts'],
  },
  {
    id: 'helper-reference-kept',
    description: 'A reference stays in the block after a dossier takes it (two slips, one number)',
    file: 'lib/helperApp/store.ts',
    find: "  await tx.objectStore('references').delete(next);\n",
    replace: '',
    command: spec,
  },
  {
    id: 'helper-silent-consent',
    description: 'The app goes on without the helper confirming the consent was read aloud',
    file: 'components/helper/HelperApp.tsx',
    find: "          if (form.get('agreed') !== 'yes') {",
    replace: '          if (false) {',
    command: spec,
  },
  {
    id: 'helper-no-sync-when-online',
    description: 'Nothing is sent when the network comes back (only on "Send now")',
    file: 'components/helper/HelperApp.tsx',
    find: '      if (db) void sync(db);\n',
    replace: '',
    command: spec,
  },
  {
    id: 'helper-revoked-dropped',
    description: 'A dossier refused because the device was revoked is dropped as refused',
    file: 'components/helper/HelperApp.tsx',
    find: "            await update(db, record.clientId, { state: 'waiting', message: body.message });",
    replace: "            await update(db, record.clientId, { state: 'refused', message: body.message });",
    command: spec,
  },
  {
    id: 'helper-photos-never-sent',
    description: 'A dossier is posted without sending its photos first',
    file: 'components/helper/HelperApp.tsx',
    find: '        if (photo.uploaded) continue;',
    replace: '        continue;',
    command: spec,
  },
] satisfies Mutant[];
