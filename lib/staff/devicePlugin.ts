import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import * as z from 'zod';
import type { Database } from '@/db/client';
import { checkDeviceUnlock } from './devices';

/**
 * better-auth's half of the helper-device unlock (docs/adr/0028): after `checkDeviceUnlock` has accepted
 * the device's secret and the PIN, a session is opened the way better-auth's own username plugin opens
 * one (its internal adapter, its signed cookie), marked with the device, so that revoking the device ends
 * it. The endpoint checks the device itself: like every better-auth route here it is called through
 * `auth.api` and never mounted, but even mounted it would open nothing without the device's secret.
 */
export function helperDevicePlugin(db: Database) {
  return {
    id: 'motcua-helper-device',
    endpoints: {
      unlockHelperDevice: createAuthEndpoint(
        '/sign-in/helper-device',
        {
          method: 'POST',
          body: z.object({
            deviceId: z.string(),
            secret: z.string(),
            pin: z.string(),
            clientAddress: z.string().nullable(),
          }),
        },
        async (ctx) => {
          const { deviceId, secret, pin, clientAddress } = ctx.body;
          const check = await checkDeviceUnlock(db, { deviceId, secret }, pin, clientAddress);
          if (check.kind !== 'ok') return ctx.json({ check });
          const user = await ctx.context.internalAdapter.findUserById(check.userId);
          const session = await ctx.context.internalAdapter.createSession(check.userId, false, {
            deviceId: check.deviceId,
          });
          if (!user || !session) throw new APIError('INTERNAL_SERVER_ERROR');
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ check });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
