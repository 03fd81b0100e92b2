/**
 * A citizen on a phone with JavaScript off, as plain HTTP: GETs pages, posts their forms as the browser
 * would (multipart/form-data with the hidden `$ACTION_ID_…` field React renders for a Server Action), follows
 * the Post/Redirect/Get redirects and keeps its own cookies. Used by the load bench for whole applications,
 * and by the other benches to get a real draft, check-answers page and receipt to measure.
 */
import { findQuestion } from '@/catalogue/forms/flow';
import { findJourney } from '@/catalogue/forms/journeys';
import { formatCode } from '@/lib/codes';
import { PNG, validAnswers } from '@/tests/support/apply';

export interface Timing {
  /** What the request was for: the page kind of a GET (see `kindOf`) or the form of a POST. */
  readonly kind: string;
  readonly status: number;
  /** From sending the request to the last byte of the body. */
  readonly ms: number;
}

export interface Page {
  readonly url: string;
  readonly status: number;
  readonly html: string;
}

/** A response a citizen should never see: a server error, or a 4xx on a path the journey takes. */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly kind: string,
    readonly status: number,
    readonly url: string,
    detail = '',
  ) {
    super(`${kind}: HTTP ${status} from ${url}${detail ? ` (${detail})` : ''}`);
  }
}

/** An answer the portal refused: the question page came back instead of the next one. */
export class AnswerRefusedError extends Error {}

/** The page kind of a path, for latency per kind. */
export function kindOf(path: string): string {
  const p = new URL(path, 'http://x').pathname.replace(/^\/[a-z]{2,3}(?=\/|$)/, '');
  if (p === '' || p === '/') return 'GET home';
  if (p.startsWith('/life-events/')) return 'GET life event';
  if (/^\/procedures\/[^/]+\/apply$/.test(p)) return 'GET apply start';
  if (/^\/procedures\/[^/]+$/.test(p)) return 'GET guide';
  if (p.endsWith('/consent')) return 'GET consent';
  if (p.includes('/q/')) return 'GET question';
  if (p.endsWith('/check')) return 'GET check answers';
  if (p.endsWith('/confirmation')) return 'GET confirmation';
  if (p.startsWith('/receipts/')) return 'GET receipt';
  if (p.startsWith('/track/')) return 'GET tracking';
  if (p === '/track') return 'GET track';
  if (/^\/apply\/[^/]+$/.test(p)) return 'GET task list';
  return `GET ${p}`;
}

const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#x27': "'", '#39': "'" };
const decode = (s: string) => s.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, e: string) => entities[e]!);
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? undefined;

/** The hidden fields of the page's first Server Action form (the one holding `mustHave`, if given). */
export function actionForm(html: string, mustHave?: string): { action: string; hidden: [string, string][] } {
  for (const [, open, body] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/g)) {
    if (!body!.includes('name="$ACTION_')) continue;
    if (mustHave && !body!.includes(`name="${mustHave}"`)) continue;
    const hidden: [string, string][] = [];
    for (const [tag] of body!.matchAll(/<input\b[^>]*>/g)) {
      if (attribute(tag, 'type') !== 'hidden') continue;
      hidden.push([decode(attribute(tag, 'name') ?? ''), decode(attribute(tag, 'value') ?? '')]);
    }
    return { action: decode(attribute(open!, 'action') ?? ''), hidden };
  }
  throw new Error(`No Server Action form${mustHave ? ` with ${mustHave}` : ''} on the page`);
}

export interface CitizenOptions {
  /** Called with every request's timing, redirects included. */
  readonly record?: (timing: Timing) => void;
  /** Awaited before each step the person takes (not before redirects), with the step's kind: think time. */
  readonly think?: (kind: string) => Promise<void>;
  /** A request that takes longer fails (default 60 s). */
  readonly timeoutMs?: number;
}

export class Citizen {
  private readonly jar = new Map<string, string>();

  constructor(
    readonly base: string,
    private readonly options: CitizenOptions = {},
  ) {}

  /** The cookies the portal has set, as a browser would send them back. */
  cookies(): { name: string; value: string }[] {
    return [...this.jar].map(([name, value]) => ({ name, value }));
  }

  get cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** GETs `path`, following redirects; any answer but 200 is unexpected. */
  async get(path: string): Promise<Page> {
    await this.options.think?.(kindOf(path));
    return this.follow(await this.send(kindOf(path), new URL(path, this.base).toString(), { method: 'GET' }));
  }

  /** Posts the page's Server Action form with `fields` filled in, as a browser without JavaScript does. */
  async submit(page: Page, kind: string, fields: Record<string, string | File>, mustHave?: string) {
    await this.options.think?.(kind);
    const { action, hidden } = actionForm(page.html, mustHave);
    const form = new FormData();
    for (const [name, value] of hidden) if (!(name in fields)) form.append(name, value);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const url = new URL(action || page.url, page.url).toString();
    const sent = await this.send(kind, url, {
      method: 'POST',
      body: form,
      headers: { origin: new URL(this.base).origin },
    });
    if (sent.status !== 303)
      throw new UnexpectedResponseError(kind, sent.status, url, 'a Server Action form post answers 303');
    return this.follow(sent);
  }

  private async follow(page: Page & { location?: string }): Promise<Page> {
    for (let hops = 0; page.location; hops += 1) {
      if (hops > 5) throw new Error(`Too many redirects from ${page.url}`);
      const next = new URL(page.location, page.url).toString();
      page = await this.send(kindOf(next), next, { method: 'GET' });
    }
    if (page.status !== 200) throw new UnexpectedResponseError(kindOf(page.url), page.status, page.url);
    return page;
  }

  private async send(
    kind: string,
    url: string,
    init: { method: 'GET' | 'POST'; body?: FormData; headers?: Record<string, string> },
  ): Promise<Page & { location?: string }> {
    const started = performance.now();
    let status = 0;
    try {
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
        headers: {
          accept: 'text/html,application/xhtml+xml',
          'accept-encoding': 'gzip, br',
          'accept-language': 'vi',
          ...(this.jar.size > 0 ? { cookie: this.cookieHeader } : {}),
          ...init.headers,
        },
      });
      status = res.status;
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        if (/max-age=0/i.test(line) || value === '') this.jar.delete(name);
        else this.jar.set(name, value);
      }
      const html = await res.text();
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      return { url, status, html, ...(location ? { location } : {}) };
    } finally {
      this.options.record?.({ kind, status, ms: performance.now() - started });
    }
  }
}

/** The form fields that answer the current question page with `value`, by the kind of question. */
function answerFields(journeyId: string, questionId: string): Record<string, string | File> {
  const found = findQuestion(findJourney(journeyId)!, questionId);
  if (!found) throw new Error(`Unknown question ${questionId}`);
  const value = validAnswers[questionId];
  if (value === undefined) throw new Error(`No bench answer for ${questionId}`);
  switch (found.question.kind) {
    case 'date': {
      const date = value as { day: string; month: string; year: string };
      return {
        [`${questionId}-day`]: date.day,
        [`${questionId}-month`]: date.month,
        [`${questionId}-year`]: date.year,
      };
    }
    case 'file':
      return { [questionId]: new File([PNG], 'giay-to.png', { type: 'image/png' }) };
    default:
      return { [questionId]: value as string };
  }
}

export interface Application {
  /** The first question page and "check your answers" of the draft (paths). */
  readonly questionPath: string;
  readonly checkPath: string;
  /** Set once submitted: the reference the confirmation page showed and where its receipt is. */
  readonly reference?: string;
  readonly confirmationPath?: string;
  readonly receiptPath?: string;
  readonly trackingPath?: string;
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/**
 * Birth registration from its start page: start, consent, every question (a birth notice uploaded), and —
 * unless `submit` is false — the declaration, the confirmation page's reference and the receipt showing it.
 */
export async function applyForBirthRegistration(citizen: Citizen, submit = true): Promise<Application> {
  const journeyId = 'register-birth';
  let page = await citizen.get(`/vi/procedures/${journeyId}/apply`);
  page = await citizen.submit(page, 'POST start', {});
  page = await citizen.submit(page, 'POST consent', { consent: 'yes' });
  const questionPath = pathOf(page.url);
  for (let guard = 0; guard < 60; guard += 1) {
    const questionId = /\/q\/([^/?]+)/.exec(page.url)?.[1];
    if (!questionId) break;
    page = await citizen.submit(page, 'POST answer', answerFields(journeyId, questionId));
    if (page.url.includes(`/q/${questionId}`))
      throw new AnswerRefusedError(`The answer to ${questionId} was refused`);
  }
  if (!page.url.endsWith(`/apply/${journeyId}/check`))
    throw new Error(`Expected check answers after the questions, got ${page.url}`);
  const checkPath = pathOf(page.url);
  if (!submit) return { questionPath, checkPath };

  page = await citizen.submit(page, 'POST submit', { declaration: 'yes' });
  const reference = /data-reference="([^"]+)"/.exec(page.html)?.[1];
  if (!page.url.endsWith('/confirmation') || !reference)
    throw new Error(`Expected a confirmation with a reference, got ${page.url}`);
  const receiptPath = /href="(\/vi\/receipts\/[^"]+)"/.exec(page.html)?.[1];
  if (!receiptPath) throw new Error('No receipt link on the confirmation page');
  const receipt = await citizen.get(decode(receiptPath));
  if (!receipt.html.includes(formatCode(reference)))
    throw new Error(`The receipt does not show ${reference}`);
  const key = new URL(decode(receiptPath), citizen.base).searchParams.get('k');
  return {
    questionPath,
    checkPath,
    reference,
    confirmationPath: pathOf(page.url),
    receiptPath: decode(receiptPath),
    trackingPath: `/vi/track/${reference}${key ? `?k=${encodeURIComponent(key)}` : ''}`,
  };
}
