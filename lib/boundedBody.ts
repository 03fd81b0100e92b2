/**
 * A request body read as UTF-8 text, at most `maxBytes` of it: the stream is read chunk by chunk and
 * cancelled as soon as it passes the cap, so a large (or endless, chunked) body costs no more than the cap
 * in memory and is never read to its end. Content-Length cannot be relied on: a chunked body has none.
 */
export async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false }> {
  if (!body) return { ok: true, text: '' };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
