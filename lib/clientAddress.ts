import type { IncomingMessage, Server } from 'node:http';

/**
 * Where a request came from, for the per-address limits (lib/rateLimit.ts).
 *
 * Every proxy in front of the portal *appends* the address it was connected from to X-Forwarded-For
 * (nginx's `$proxy_add_x_forwarded_for`), so the entries a client wrote itself are always on the left and
 * only the right end can be believed. Next.js 16 does not append: `next start` fills the header from the
 * socket only when it is absent (`??=` in base-server.js) and keeps whatever a client sent otherwise, so
 * the socket's address would be lost. `appendPeerAddress` makes the server behave like one more proxy in
 * the chain; `addressFrom` then walks back from the right past the TRUSTED_PROXY_HOPS proxies we run and
 * takes the first address none of ours wrote (the rightmost untrusted hop).
 */
export function addressFrom(forwardedFor: string | null, trustedHops: number): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Fewer entries than proxies configured: the request bypassed a proxy; the leftmost is all there is.
  const hop = hops[Math.max(0, hops.length - 1 - trustedHops)];
  return hop ? hop.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') : 'unknown';
}

/** X-Forwarded-For with the socket's address appended, as a proxy would write it. */
export function withPeerAddress(forwardedFor: string | string[] | undefined, peer: string | undefined) {
  const given = [forwardedFor ?? []].flat().join(', ');
  return [given, peer ?? 'unknown'].filter(Boolean).join(', ');
}

const INSTALLED = Symbol.for('motcua.peerAddress');

/**
 * Appends each request's socket address to its X-Forwarded-For before Next.js reads it (called from
 * instrumentation.ts, in the Node.js runtime). The HTTP server already exists by then, so the hook sits on
 * the prototype's `emit`, which every server looks up per event.
 */
export async function appendPeerAddress(): Promise<void> {
  const http = await import('node:http');
  const proto = http.Server.prototype as Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers['x-forwarded-for'] = withPeerAddress(
        request.headers['x-forwarded-for'],
        request.socket.remoteAddress,
      );
    }
    return emit.call(this, event, ...args);
  } as Server['emit'];
}
