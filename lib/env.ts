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
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}
