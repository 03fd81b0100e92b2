/**
 * Dossiers at rest on a helper device (docs/adr/0029): AES-GCM under a key made on the device with
 * WebCrypto, not extractable (no script, not even the app's own, can read its bytes out), kept in
 * IndexedDB beside the dossiers it locks and destroyed with them. Each record has its own random 96-bit IV.
 */

export interface Sealed {
  readonly iv: Uint8Array;
  readonly data: ArrayBuffer;
}

export function newVaultKey(subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  return subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new random 96-bit IV: AES-GCM must never see one twice under a key. */
const freshIv = () => crypto.getRandomValues(new Uint8Array(12));

export function seal(key: CryptoKey, value: unknown, subtle: SubtleCrypto = crypto.subtle): Promise<Sealed> {
  return sealBytes(key, new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer, subtle);
}

/** The value sealed; throws if the record was changed or another key sealed it. */
export async function unseal<T>(
  key: CryptoKey,
  sealed: Sealed,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<T> {
  const plain = await subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> },
    key,
    sealed.data,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Bytes (a photo) sealed the same way. */
export async function sealBytes(
  key: CryptoKey,
  bytes: ArrayBuffer,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<Sealed> {
  const iv = freshIv();
  return { iv, data: await subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes) };
}

export function unsealBytes(
  key: CryptoKey,
  sealed: Sealed,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<ArrayBuffer> {
  return subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> }, key, sealed.data);
}
