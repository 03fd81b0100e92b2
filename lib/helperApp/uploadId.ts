/**
 * A photo upload's id on the portal (docs/adr/0029), which the device and the portal both work out from
 * what the device sends: the dossier's client UUID, the question and the photo's SHA-256. Known before
 * the upload is created, it lets the device ask "how far did it get?" (a tus HEAD) when the answer to its
 * creation was lost with the bytes already on the portal, instead of sending the whole photo again.
 * WebCrypto, so the same code runs in the browser, the portal and the bench.
 */
export async function photoUploadId(clientId: string, questionId: string, sha256: string): Promise<string> {
  return (await sha256Hex(new TextEncoder().encode(`${clientId}:${questionId}:${sha256}`))).slice(0, 32);
}

export async function sha256Hex(data: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
