import { describe, expect, it } from 'vitest';
import { newVaultKey, seal, unseal } from '@/lib/helperApp/vault';

// The helper app's vault (docs/adr/0029), on the platform's own WebCrypto: what is sealed opens only with
// its key, unchanged; the key cannot be read out; no two seals share an IV.

describe('the helper app’s vault', () => {
  const dossier = { answers: { 'applicant-name': 'Giàng Thị Mỷ', 'applicant-cid': '002195012345' } };

  it('opens what it sealed, and the sealed bytes do not hold it in the clear', async () => {
    const key = await newVaultKey();
    const sealed = await seal(key, dossier);
    expect(await unseal(key, sealed)).toEqual(dossier);
    const bytes = Buffer.from(sealed.data).toString('latin1');
    expect(bytes).not.toContain('002195012345');
    expect(Buffer.from(sealed.data).toString('utf8')).not.toContain('Giàng');
  });

  it('refuses a changed record and another device’s key', async () => {
    const key = await newVaultKey();
    const sealed = await seal(key, dossier);
    const changed = new Uint8Array(sealed.data.slice(0));
    changed[0]! ^= 1;
    await expect(unseal(key, { iv: sealed.iv, data: changed.buffer })).rejects.toThrow();
    await expect(unseal(await newVaultKey(), sealed)).rejects.toThrow();
  });

  it('makes keys that cannot be exported, and a new IV for every seal', async () => {
    const key = await newVaultKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const a = await seal(key, dossier);
    const b = await seal(key, dossier);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(a.iv).toHaveLength(12);
  });
});
