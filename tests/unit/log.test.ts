import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createLogger, requestLogger, routeConsoleThroughLogger } from '@/lib/log';
import { requestIdFrom } from '@/lib/requestId';

const NAME = 'Giàng Thị Mỷ';
const PHONE = '0912 345 678';
const CITIZEN_ID = '002195012345';
const TRACKING_KEY = 'K7M2Q9R4T6W8X3Y5Z2A4';
const SESSION = 'c2Vzc2lvbi10b2tlbi1ub3QtcmVhbC1hdC1hbGwtMDEyMzQ1Ng';
const SECRETS = [NAME, 'Giàng', PHONE, '0912345678', '345 678', CITIZEN_ID, TRACKING_KEY, SESSION];

function capture(level: string | undefined) {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(line) }, { LOG_LEVEL: level });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records, text: () => lines.join('') };
}

function expectNoSecrets(text: string) {
  for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
}

describe('log', () => {
  it('writes one JSON object per line with its level, time, message and fields', () => {
    const { logger, lines, records } = capture('debug');
    logger.info({ journeyId: 'register-birth', dossiers: 3 }, 'Application submitted');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const [record] = records();
    expect(record).toMatchObject({
      level: 'info',
      msg: 'Application submitted',
      journeyId: 'register-birth',
      dossiers: 3,
    });
    expect(new Date(record!.time as string).getTime()).not.toBeNaN();
  });

  it('drops form values, names, phone and ID numbers, tracking keys and cookies, at any depth', () => {
    const { logger, records, text } = capture('debug');
    logger.info(
      {
        journeyId: 'register-birth',
        answers: { 'applicant-name': NAME, 'applicant-cid': CITIZEN_ID },
        'applicant-phone': PHONE,
        applicantName: NAME,
        values: { 'child-name': NAME },
        trackingKey: TRACKING_KEY,
        k: TRACKING_KEY,
        headers: { cookie: `motcua_session=${SESSION}` },
        step: { attempt: { lastAttempt: { form: { 'mother-cid': CITIZEN_ID } } } },
        list: [{ phoneLast4: '5678', fileName: `cccd-${NAME}.jpg` }],
      },
      'Answer saved',
    );
    expectNoSecrets(text());
    const [record] = records();
    expect(record!.journeyId).toBe('register-birth');
    expect(record!.answers).toBe('[redacted]');
    expect(record!['applicant-phone']).toBe('[redacted]');
    expect(record!.list).toEqual([{ phoneLast4: '[redacted]', fileName: '[redacted]' }]);
  });

  it('scrubs messages and interpolated values: query strings, long numbers, tracking keys, cookies', () => {
    const { logger, records, text } = capture('debug');
    logger.warn(`GET /vi/track/ABCD2345?k=${TRACKING_KEY} from ${PHONE}`);
    logger.warn('Citizen %s, key %s', CITIZEN_ID, TRACKING_KEY);
    logger.warn(`Cookie: __Host-motcua_session=${SESSION}; other=1`);
    expectNoSecrets(text());
    expect(records()[0]!.msg).toBe('GET /vi/track/ABCD2345?[redacted] from [number]');
  });

  it('keeps the path of an address and drops its query string', () => {
    const { logger, records, text } = capture('debug');
    logger.info({ url: `https://portal.example/vi/receipts/ABCD2345?k=${TRACKING_KEY}#top` }, 'Opened');
    expectNoSecrets(text());
    expect(records()[0]!.url).toBe('https://portal.example/vi/receipts/ABCD2345');
  });

  it("logs an error's type, message, code, digest and cause, but not the query parameters drivers attach", () => {
    const { logger, records, text } = capture('debug');
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: `Key (tracking_key)=(${TRACKING_KEY}) already exists.`,
      parameters: [NAME, CITIZEN_ID],
    });
    const error = Object.assign(
      new Error(`Failed query: insert into "submissions" values ($1, $2)\nparams: ${NAME},${CITIZEN_ID}`, {
        cause,
      }),
      { params: [NAME, CITIZEN_ID], digest: '3141592653' },
    );
    logger.error({ err: error }, 'Submission failed');
    logger.error(new Error(`Key (phone)=(${PHONE}) is not present`));
    expectNoSecrets(text());
    const [first, second] = records();
    expect(first!.err).toMatchObject({
      type: 'Error',
      message: 'Failed query: insert into "submissions" values ($1, $2)\nparams: [redacted]',
      digest: '3141592653',
      cause: { message: 'duplicate key value violates unique constraint', code: '23505' },
    });
    expect(first!.err).not.toHaveProperty('params');
    expect(JSON.stringify(first!.err)).not.toContain('detail');
    expect((first!.err as { stack: string }).stack).toContain('log.test.ts');
    expect((second!.err as { message: string }).message).toBe('Key (phone)=([redacted]) is not present');
  });

  it("routes console output — Next.js's own error report — through the same scrubbing (issue 13, item 5)", () => {
    const { logger, records, text } = capture('debug');
    const fakeConsole = { ...console };
    routeConsoleThroughLogger(logger, fakeConsole);
    // What drizzle throws when PostgreSQL refuses a write: the parameters are the person's answers, one of
    // them a multi-line answer; Next.js prints it with `console.error(' ⨯', error)`.
    const params = [NAME, CITIZEN_ID, PHONE, `Lũ cuốn mất nhà\n${NAME} ở thôn Nà Pồng`];
    const error = new DrizzleQueryError(
      'update "drafts" set "last_attempt" = $1',
      params,
      new Error('invalid'),
    );
    Object.assign(error, { digest: '2718281828' });
    fakeConsole.error('\u001b[31m⨯\u001b[39m', error);
    fakeConsole.warn('Saved', { answers: { 'applicant-cid': CITIZEN_ID, 'applicant-name': NAME } });
    fakeConsole.log(`Request for ${PHONE}`);
    expectNoSecrets(text());
    expect(text()).not.toContain('Nà Pồng');
    const [first, second, third] = records();
    expect(first).toMatchObject({
      level: 'error',
      source: 'console',
      msg: '⨯',
      err: { digest: '2718281828' },
    });
    expect(second!.level).toBe('warn');
    expect(third).toMatchObject({ level: 'info', msg: 'Request for [number]' });
  });

  it('takes its level from LOG_LEVEL, info when unset or unknown', () => {
    for (const [level, written] of [
      [undefined, ['info', 'warn']],
      ['nonsense', ['info', 'warn']],
      ['warn', ['warn']],
      ['debug', ['debug', 'info', 'warn']],
    ] as const) {
      const { logger, records } = capture(level);
      logger.debug('d');
      logger.info('i');
      logger.warn('w');
      expect(
        records().map((r) => r.level),
        String(level),
      ).toEqual(written);
    }
  });
});

describe('request ids', () => {
  it('keeps a well-formed incoming id and replaces a missing or malformed one', () => {
    expect(requestIdFrom('3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b')).toBe(
      '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
    );
    expect(requestIdFrom('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    for (const bad of [
      null,
      '',
      'short',
      'has space in it',
      'x'.repeat(129),
      'line\nbreak-1234',
      '{"a":1}-xyz',
    ]) {
      const id = requestIdFrom(bad);
      expect(id, String(bad)).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });

  it('puts the request id on every line of a request logger', () => {
    const logger = requestLogger(new Headers({ 'x-request-id': 'req-0123456789' }));
    expect(logger.bindings()).toEqual({ requestId: 'req-0123456789' });
  });
});
