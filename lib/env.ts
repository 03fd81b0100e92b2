import { z } from 'zod';

/**
 * Environment, validated once. Development has defaults; production refuses to start without what it
 * needs rather than running half-configured.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string. When absent, the embedded PGlite database is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** PGlite data directory, or `memory://` for a throwaway database (tests). */
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  /** Where helper devices' resumable photo uploads (tus) are kept until complete (docs/adr/0029). */
  UPLOAD_PARTS_DIR: z.string().min(1).default('.data/upload-parts'),
  /** Submissions and resume-code tries per client address per 15 minutes (lib/rateLimit.ts). */
  SUBMIT_LIMIT: z.coerce.number().int().positive().default(60),
  RESUME_LIMIT: z.coerce.number().int().positive().default(60),
  /**
   * How many reverse proxies of ours stand in front of the portal, each appending to X-Forwarded-For
   * (lib/clientAddress.ts). 0: none, the socket's address is the client's and the header is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * How often each instance looks whether what is published changed, besides the notification it gets
   * with PostgreSQL (lib/content/watch.ts): the longest a page stays stale when a notification is missed,
   * and how soon a scheduled publication shows.
   */
  CONTENT_POLL_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /**
   * How often an office screen tells the portal it is alive and what it plays, and asks whether its
   * playlist changed (components/screens/ScreenPlayer.tsx): a changed playlist plays within this time.
   */
  SCREEN_CHECK_SECONDS: z.coerce.number().int().min(1).max(900).default(300),
  /**
   * The address people reach the portal at, e.g. `https://dichvucong.tuyenquang.gov.vn`: every QR code and
   * redirect is built from it, never from a request's Host or X-Forwarded-Host (docs/adr/0016). Required in
   * production, `next build` included (leaflets are prerendered with it); development uses localhost.
   */
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((origin) => new URL(origin).origin)
    .optional(),
});

export type Env = z.infer<typeof schema>;

/** The settings in `source`, or an error naming each bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema
    .refine((e) => e.NODE_ENV !== 'production' || e.PUBLIC_ORIGIN, {
      message: 'PUBLIC_ORIGIN is required in production (the portal address printed in QR codes)',
      path: ['PUBLIC_ORIGIN'],
    })
    .safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
