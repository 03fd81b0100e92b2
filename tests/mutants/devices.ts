import { afterBuild, type Mutant } from './types';

// Helper devices (docs/adr/0028): each rule loosened, and the tests that must notice.
const unit = ['tests/unit/devices.test.ts'];
const spec = afterBuild('test tests/e2e/devices.spec.ts --project=js');

export default [
  {
    id: 'device-token-reused',
    description: 'An enrolment QR code enrols a second device (the used token is not forgotten)',
    file: 'db/queries/devices.ts',
    find: `        pinHash,
        enrolmentTokenHash: null,`,
    replace: `        pinHash,`,
    tests: unit,
  },
  {
    id: 'device-token-never-expires',
    description: 'A QR code enrols a device long after its 15 minutes',
    file: 'db/queries/devices.ts',
    find: `          isNull(helperDevices.revokedAt),
          gt(helperDevices.enrolmentExpiresAt, now),
        ),
      )
      .returning({ id: helperDevices.id, userId: helperDevices.userId });`,
    replace: `          isNull(helperDevices.revokedAt),
        ),
      )
      .returning({ id: helperDevices.id, userId: helperDevices.userId });`,
    tests: unit,
  },
  {
    id: 'device-for-officer',
    description: 'A device (a PIN) is issued to someone whose role needs a second factor',
    file: 'db/queries/devices.ts',
    find: "  if (needsSecondFactor(grants)) throw new DeviceError('second-factor-role');\n",
    replace: '',
    tests: unit,
  },
  {
    id: 'device-for-anyone',
    description: 'A device is issued to someone who is not on that commune’s team',
    file: 'db/queries/devices.ts',
    find: "  if (!onTeam) throw new DeviceError('not-team-member');\n",
    replace: '',
    tests: unit,
  },
  {
    id: 'device-secret-unchecked',
    description: 'Any secret unlocks a device whose id is known',
    file: 'db/queries/devices.ts',
    find: 'return timingSafeEqual(expected, given) ? row : null;',
    replace: 'return expected.length === given.length ? row : null;',
    tests: unit,
  },
  {
    id: 'device-revoked-unlocks',
    description: 'A revoked device is unlocked by its PIN',
    file: 'lib/staff/devices.ts',
    find: '  if (device.revokedAt) {',
    replace: '  if (device.revokedAt && false) {',
    tests: unit,
  },
  {
    id: 'device-lock-ignored',
    description: 'A locked device is still asked about its PIN',
    file: 'lib/staff/devices.ts',
    find: '  if (device.lockedUntil && device.lockedUntil > now) {',
    replace: '  if (device.lockedUntil && device.lockedUntil > now && false) {',
    tests: unit,
  },
  {
    id: 'device-pin-skips-totp',
    description: 'An officer’s PIN opens a session without the second factor',
    file: 'lib/staff/devices.ts',
    find: '  if (needsSecondFactor(await grantsOf(db, device.userId))) {',
    replace: '  if (false) {',
    tests: unit,
  },
  {
    id: 'device-failures-uncounted',
    description: 'Wrong PINs are not counted',
    file: 'lib/staff/devices.ts',
    find: '    const lockedUntil = await recordFailedPin(db, device.id, now);',
    replace: '    const lockedUntil = null as Date | null;',
    tests: unit,
  },
  {
    id: 'device-count-not-reset',
    description: 'A right PIN leaves the count of wrong ones',
    file: 'db/queries/devices.ts',
    find: '    .set({ failedPins: 0, lockedUntil: null, lastUnlockedAt: now })',
    replace: '    .set({ lastUnlockedAt: now })',
    tests: unit,
  },
  {
    id: 'device-revoke-keeps-sessions',
    description: 'Revoking a device leaves its sessions open',
    file: 'db/queries/devices.ts',
    find: `    const ended = await tx
      .delete(staffSessions)
      .where(eq(staffSessions.deviceId, deviceId))
      .returning({ id: staffSessions.id });`,
    replace: `    const ended: unknown[] = [];`,
    tests: unit,
  },
  {
    id: 'device-revoke-any-commune',
    description: 'A leader revokes a device of a commune they do not lead',
    file: 'db/queries/devices.ts',
    find: `          eq(helperDevices.id, deviceId),
          eq(helperDevices.communeId, communeId),`,
    replace: `          eq(helperDevices.id, deviceId),`,
    tests: unit,
  },
  {
    id: 'device-session-unmarked',
    description: 'A PIN’s session does not name its device (revoking cannot end it)',
    file: 'lib/staff/devicePlugin.ts',
    find: `          const session = await ctx.context.internalAdapter.createSession(check.userId, false, {
            deviceId: check.deviceId,
          });`,
    replace: `          const session = await ctx.context.internalAdapter.createSession(check.userId, false);`,
    tests: unit,
  },
  {
    id: 'device-pin-guessable',
    description: '123456 is accepted as a PIN',
    file: 'lib/staff/devices.ts',
    find: "  if (steps.size === 1 && [0, 1, -1].includes([...steps][0]!)) return 'pin-guessable';\n",
    replace: '',
    tests: unit,
  },
  {
    id: 'team-revoke-unauthorised',
    description: 'Any signed-in leader revokes any commune’s device by posting its id',
    file: 'app/[locale]/staff/team/actions.ts',
    find: "  const staff = await requireStaff(locale, 'team:manage', { commune: device.communeId });",
    replace: '  const staff = await signedInStaff(locale);',
    command: spec,
  },
  {
    id: 'team-page-for-helpers',
    description: 'A helper opens the team page',
    file: 'app/[locale]/staff/team/page.tsx',
    find: '  if (mine.length === 0) redirect(localePath(locale, paths.staffForbidden()));\n',
    replace: '',
    command: afterBuild('test tests/e2e/devices.spec.ts --project=no-js'),
  },
  {
    id: 'device-unlock-asks-password',
    description: 'A signed-out enrolled device is sent to the password sign-in, not its PIN',
    file: 'lib/staff/session.ts',
    find: 'deviceCookieIn(headers) !== undefined ? paths.staffDevice() : paths.staffSignIn()',
    replace: 'paths.staffSignIn()',
    command: afterBuild('test tests/e2e/devices.spec.ts --project=no-js'),
  },
] satisfies Mutant[];
