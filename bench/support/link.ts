import net from 'node:net';

/**
 * A slow, lossy link between a client and a server on loopback, for benches: every connection goes through
 * this TCP proxy, which lets `kbps` through in each direction after `rttMs / 2` of one-way delay, and cuts
 * `dropRate` of connections — half of those part-way through what the client sends, half when the answer
 * starts to come back (the request was done, its answer lost), as a 3G link in a hall does. It counts the
 * bytes the client put on the link, cut connections included. The link takes a client's bytes only as
 * fast as it carries them (with a round trip's worth waiting, as TCP's flow control allows): what waits
 * beyond that is still the client's, and a cut loses only what was on its way.
 */
export interface LinkOptions {
  readonly kbps: number;
  readonly rttMs: number;
  readonly dropRate: number;
  /** For reproducible runs. */
  readonly random?: () => number;
}

export interface Link {
  readonly port: number;
  readonly stats: { bytesUp: number; bytesDown: number; connections: number; dropped: number };
  close(): Promise<void>;
}

/**
 * One direction of the link, shared by every connection on it (one radio, one hotspot): a chunk leaves when
 * the link has carried the ones before it, whichever connection they were on, and arrives `delayMs` later.
 */
function pacer(kbps: number, delayMs: number) {
  const bytesPerMs = (kbps * 1000) / 8 / 1000;
  let freeAt = 0;
  const send = (chunk: Buffer, deliver: (chunk: Buffer) => void) => {
    const now = performance.now();
    const start = Math.max(now, freeAt);
    freeAt = start + chunk.byteLength / bytesPerMs;
    setTimeout(() => deliver(chunk), freeAt - now + delayMs);
  };
  /** How long until what was written has been delivered. */
  const drainedIn = () => Math.max(0, freeAt - performance.now()) + delayMs + 1;
  /** How long the link is taken by what waits to leave. */
  const queuedMs = () => Math.max(0, freeAt - performance.now());
  return Object.assign(send, { drainedIn, queuedMs });
}

export async function startLink(upstreamPort: number, options: LinkOptions): Promise<Link> {
  const random = options.random ?? Math.random;
  const stats = { bytesUp: 0, bytesDown: 0, connections: 0, dropped: 0 };
  const sockets = new Set<net.Socket>();
  const uplink = pacer(options.kbps, options.rttMs / 2);
  const downlink = pacer(options.kbps, options.rttMs / 2);
  const server = net.createServer((client) => {
    stats.connections += 1;
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const drop = random() < options.dropRate;
    const cutAfterUp = drop && random() < 0.5 ? Math.floor(random() * 200_000) : Infinity;
    const cutOnAnswer = drop && cutAfterUp === Infinity;
    let up = 0;
    const cut = () => {
      if (client.destroyed) return;
      stats.dropped += 1;
      client.destroy();
      upstream.destroy();
    };
    const toUpstream = (chunk: Buffer) => uplink(chunk, (c) => upstream.destroyed || upstream.write(c));
    const toClient = (chunk: Buffer) =>
      downlink(chunk, (c) => {
        if (client.destroyed) return;
        if (cutOnAnswer) return cut();
        stats.bytesDown += c.byteLength;
        client.write(c);
      });
    client.on('data', (chunk) => {
      const room = cutAfterUp - up;
      const part = chunk.byteLength > room ? chunk.subarray(0, Math.max(0, room)) : chunk;
      up += part.byteLength;
      stats.bytesUp += part.byteLength;
      if (part.byteLength > 0) toUpstream(part);
      if (up >= cutAfterUp) setTimeout(cut, options.rttMs / 2);
      // Flow control, as TCP's: while the link has more than a round trip's worth waiting to leave, the
      // client's bytes stay with the client (unsent, so neither counted nor lost at a cut).
      const backlog = uplink.queuedMs() - options.rttMs;
      if (backlog > 0) {
        client.pause();
        setTimeout(() => client.destroyed || client.resume(), backlog);
      }
    });
    upstream.on('data', (chunk) => toClient(chunk));
    const end = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    // The server closed: what it sent is still on its way; the client hears the end after it.
    upstream.on('end', () => setTimeout(() => client.end(), downlink.drainedIn()));
    upstream.on('error', end);
    client.on('end', () => setTimeout(() => upstream.end(), uplink.drainedIn()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
