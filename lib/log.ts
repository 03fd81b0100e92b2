import { stripVTControlCharacters } from 'node:util';
import pino, { type DestinationStream, type LogFn, type Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from './requestId';

/**
 * The portal's logs: one JSON object per line on stdout, level from LOG_LEVEL (default `info`). Every line
 * from a request carries its `requestId` (set by the proxy), every line from the outbox relay its
 * `outboxId` or `dossierId`. Nothing personal is written, whatever a caller passes (docs/adr/0013):
 * values under personal keys are replaced, and every string — messages, error messages and stacks — is
 * scrubbed of query strings, long numbers (phone and ID numbers), tracking keys and driver parameters.
 */

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

/**
 * Keys whose values are dropped wherever they sit in a logged object, compared in lower case without `-`
 * and `_`: a key containing one of these words (`applicant-phone`, `sessionHash`, `fileName`) …
 */
const PERSONAL_WORDS = [
  'name',
  'phone',
  'cid',
  'citizen',
  'idnumber',
  'dob',
  'birth',
  'address',
  'village',
  'email',
  'answer',
  'digits',
  'reference',
  'idempotency',
  'trackingkey',
  'resumecode',
  'token',
  'session',
  'cookie',
  'authorization',
  'password',
  'secret',
];
/** … or equal to one of these: what a form, a query string or a request carries as a whole. */
const PERSONAL_KEYS = new Set([
  'k',
  'key',
  'value',
  'values',
  'form',
  'formdata',
  'body',
  'query',
  'search',
  'searchparams',
  'headers',
]);
/** Keys holding an address: kept, without the query string and fragment (`?k=` carries a tracking key). */
const ADDRESS_KEYS = new Set(['url', 'href', 'path', 'pathname', 'referer', 'referrer', 'location']);

const normalised = (key: string) => key.toLowerCase().replace(/[-_]/g, '');
const isPersonalKey = (key: string) => PERSONAL_KEYS.has(key) || PERSONAL_WORDS.some((w) => key.includes(w));

/** An address without its query string or fragment. */
export function pathOnly(address: string): string {
  return address.replace(/[?#].*$/s, '');
}

/** Removes from free text what could identify a person or open their application. */
function scrubText(text: string): string {
  return (
    text
      // Query strings of paths and URLs: `/vi/track/ABCD2345?k=…`.
      .replace(/(\/[^\s?#"'<>]*)\?[^\s#"'<>]*/g, '$1?[redacted]')
      // drizzle's "Failed query: … params: <the values>" (which may span lines: a multi-line answer), up to
      // the stack's first frame, and PostgreSQL's "Key (column)=(value)".
      .replace(/\bparams: [\s\S]*?(?=\n\s+at |$)/g, `params: ${REDACTED}`)
      .replace(/(\bKey \([^)]*\)=\()[^)]*\)/g, `$1${REDACTED})`)
      // Phone, citizen ID and other long numbers (9 or more digits, spaces or dots allowed between them).
      .replace(/(?<![\w.+-])\+?\d(?:[ .]?\d){8,}(?!\w)/g, '[number]')
      // Tracking keys (lib/codes.ts: 20 characters of the unambiguous alphabet).
      .replace(/\b[2-9A-HJKMNP-TW-Z]{20}\b/g, REDACTED)
      .replace(/(motcua_session=)[^;\s]+/g, `$1${REDACTED}`)
  );
}

/**
 * An error as name, scrubbed message and stack, code, Next.js digest and cause — never its other
 * properties, where drivers keep the query's parameters (`params`, `parameters`, `detail`).
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubText(String(error)) };
  const { code, digest } = error as { code?: unknown; digest?: unknown };
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof digest === 'string' ? { digest } : {}),
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return serializeError(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Blob) return '[binary]';
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const k = normalised(key);
    if (ADDRESS_KEYS.has(k) && typeof item === 'string') out[key] = scrubText(pathOnly(item));
    else out[key] = isPersonalKey(k) ? REDACTED : clean(item, depth + 1);
  }
  return out;
}

/** A logger writing to `destination` (stdout by default); the portal uses the one `log` below. */
export function createLogger(
  destination?: DestinationStream,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Logger {
  const level = env.LOG_LEVEL;
  const logger = pino(
    {
      level: level && LEVELS.has(level) ? level : 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // An error logged as `{ err }` has already been through clean() in the hook below.
      serializers: { err: (error: unknown) => (error instanceof Error ? serializeError(error) : error) },
      hooks: {
        // Every argument — the merged object, the message and its interpolation values — is cleaned
        // before pino sees it. An Error passed first is left to pino, which puts it under `err` (through
        // the serializer above) and would take its raw message as the line's message: give it a clean one.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          const cleaned =
            first instanceof Error
              ? [first, ...(rest.length > 0 ? rest.map((arg) => clean(arg)) : [scrubText(first.message)])]
              : args.map((arg) => clean(arg));
          method.apply(this, cleaned as Parameters<LogFn>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return logger;
}

export const log = createLogger();

/** The part of a request's headers a logger needs (`Headers`, Next.js's `headers()`, or an adapter). */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * A logger whose every line carries the request's id. Server Actions pass `await headers()`, route
 * handlers `request.headers`; never called from a prerendered page, where `headers()` would make it dynamic.
 */
export function requestLogger(headers: HeaderReader): Logger {
  return log.child({ requestId: requestIdFrom(headers.get(REQUEST_ID_HEADER)) });
}

type ConsoleMethod = 'error' | 'warn' | 'info' | 'log' | 'debug';
type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const CONSOLE_LEVELS: Record<ConsoleMethod, LogLevel> = {
  error: 'error',
  warn: 'warn',
  info: 'info',
  log: 'info',
  debug: 'debug',
};

/**
 * Sends what anyone writes with `console.*` — Next.js's own report of a failed request above all, which
 * prints the error with `util.inspect` and so with drizzle's `params` (the person's answers) — through
 * `logger`, with the same scrubbing as every other line: errors through the whitelist of
 * serializeError, strings scrubbed, objects' personal keys dropped. Called once, from instrumentation.ts.
 */
export function routeConsoleThroughLogger(logger: Logger = log, target: Console = console): void {
  for (const [method, level] of Object.entries(CONSOLE_LEVELS) as [ConsoleMethod, LogLevel][]) {
    target[method] = (...args: unknown[]) => {
      const errors = args.filter((arg): arg is Error => arg instanceof Error);
      const others = args.filter((arg) => !(arg instanceof Error) && typeof arg !== 'string');
      const text = args
        .filter((arg): arg is string => typeof arg === 'string')
        .map((arg) => stripVTControlCharacters(arg))
        .join(' ')
        .trim();
      const fields = {
        source: 'console',
        // Raw errors: the logMethod hook puts them through serializeError's whitelist.
        ...(errors.length > 0 ? { err: errors[0] } : {}),
        ...(errors.length > 1 ? { errors: errors.slice(1) } : {}),
        ...(others.length > 0 ? { args: others } : {}),
      };
      logger[level](fields, text || (errors[0] ? scrubText(errors[0].message) : ''));
    };
  }
}
