/**
 * The key routes the weight and Lighthouse benches measure, with what each needs: the pages of an
 * application in progress carry that citizen's session cookie, the receipt and tracking page the key a
 * receipt's QR code carries. The draft and the submitted application are made through the portal's own
 * forms (bench/support/citizen.ts) before measuring.
 */
import { applyForBirthRegistration, Citizen } from './citizen';

export interface Route {
  readonly name: string;
  readonly path: string;
  /** The session cookie of the citizen whose draft or application this page shows. */
  readonly cookies: readonly { name: string; value: string }[];
  /** A route an older build may lack (leaflet, screen): measured when it answers, "not available" on a 404. */
  readonly optional: boolean;
}

const route = (name: string, path: string, cookies: Route['cookies'] = [], optional = false): Route => ({
  name,
  path,
  cookies,
  optional,
});

export async function keyRoutes(base: string): Promise<Route[]> {
  // One citizen stops at "check your answers" (the draft stays open: its question pages still answer);
  // another sends the application and keeps the receipt.
  const drafting = new Citizen(base);
  const draft = await applyForBirthRegistration(drafting, false);
  const applicant = new Citizen(base);
  const sent = await applyForBirthRegistration(applicant, true);
  return [
    route('home', '/vi'),
    route('life event', '/vi/life-events/having-a-baby'),
    route('guide', '/vi/procedures/register-birth'),
    route('question', draft.questionPath, drafting.cookies()),
    route('check answers', draft.checkPath, drafting.cookies()),
    route('confirmation', sent.confirmationPath!, applicant.cookies()),
    route('receipt', sent.receiptPath!),
    route('track (find)', '/vi/track'),
    route('tracking page', sent.trackingPath!),
    route('leaflet', '/vi/procedures/register-birth/leaflet', [], true),
    route('screen', '/vi/screens/tan-quang-1', [], true),
  ];
}

/** BENCH_ROUTES (comma-separated route names, e.g. "home,guide") restricts the list. */
export function selectedRoutes(routes: Route[]): Route[] {
  const wanted = process.env.BENCH_ROUTES?.split(',').map((name) => name.trim());
  if (!wanted) return routes;
  const unknown = wanted.filter((name) => !routes.some((r) => r.name === name));
  if (unknown.length > 0)
    throw new Error(
      `Unknown route(s) in BENCH_ROUTES: ${unknown.join(', ')}; known: ${routes.map((r) => r.name).join(', ')}`,
    );
  return routes.filter((r) => wanted.includes(r.name));
}

/** The route's citizen cookies as one `Cookie` header value ('' for none). */
export function cookieHeader(r: Route): string {
  return r.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The HTTP status a route answers with (redirects followed), to skip one not built yet. */
export async function statusOf(base: string, r: Route): Promise<number> {
  const cookie = cookieHeader(r);
  const res = await fetch(new URL(r.path, base), { headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  return res.status;
}
