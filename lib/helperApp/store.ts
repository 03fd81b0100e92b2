import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { newVaultKey, seal, sealBytes, unseal, unsealBytes, type Sealed } from './vault';

/**
 * The helper app's IndexedDB (docs/adr/0029), through idb: the vault key, the block of receipt
 * references the portal reserved for this device, and the queue of dossiers, each sealed (vault.ts).
 * Only what the queue line shows travels in the clear: reference, procedure, state, times, the refusal.
 */

export type QueueState = 'waiting' | 'sending' | 'sent' | 'refused';

export interface QueuedDossier {
  readonly clientId: string;
  readonly reference: string;
  readonly journeyId: string;
  readonly createdAt: string;
  readonly state: QueueState;
  readonly lastTryAt?: string;
  readonly message?: string;
  readonly problems?: readonly { questionId: string; message: string }[];
  readonly trackingUrl?: string;
  /** Once sent: the province's statuses of its dossiers, as last asked (docs/adr/0029). */
  readonly provinceStatuses?: readonly (string | null)[];
  readonly sealed: Sealed;
}

/** A photo of a queued dossier, sealed; `uploaded` once the portal has it whole. */
export interface QueuedPhoto {
  readonly clientId: string;
  readonly questionId: string;
  readonly type: string;
  readonly size: number;
  readonly uploaded: boolean;
  readonly sealed: Sealed;
}

interface HelperDb extends DBSchema {
  keys: { key: string; value: CryptoKey };
  photos: { key: [string, string]; value: QueuedPhoto; indexes: { byDossier: string } };
  references: { key: string; value: { reference: string } };
  dossiers: { key: string; value: QueuedDossier; indexes: { byCreated: string } };
}

const NAME = 'motcua-helper';

export function openStore(): Promise<IDBPDatabase<HelperDb>> {
  return openDB<HelperDb>(NAME, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('keys');
        db.createObjectStore('references', { keyPath: 'reference' });
        db.createObjectStore('dossiers', { keyPath: 'clientId' }).createIndex('byCreated', 'createdAt');
      }
      if (oldVersion < 2) {
        db.createObjectStore('photos', { keyPath: ['clientId', 'questionId'] }).createIndex(
          'byDossier',
          'clientId',
        );
      }
    },
  });
}

export type Store = IDBPDatabase<HelperDb>;

/** This device's vault key, made the first time (never extractable, never sent). */
export async function vaultKey(db: Store): Promise<CryptoKey> {
  const found = await db.get('keys', 'vault');
  if (found) return found;
  const key = await newVaultKey();
  await db.put('keys', key, 'vault');
  return key;
}

/** The references the portal holds for this device, replacing what was kept (used ones are gone there too). */
export async function keepReferences(db: Store, references: readonly string[]): Promise<void> {
  const tx = db.transaction(['references', 'dossiers'], 'readwrite');
  const taken = new Set((await tx.objectStore('dossiers').getAll()).map((d) => d.reference));
  await tx.objectStore('references').clear();
  for (const reference of references) {
    if (!taken.has(reference)) await tx.objectStore('references').put({ reference });
  }
  await tx.done;
}

export async function referencesLeft(db: Store): Promise<number> {
  return db.count('references');
}

/**
 * A captured dossier into the queue with the next reserved reference, in one transaction: the reference
 * leaves the block as the dossier enters the queue. Null when the block is empty (go online first).
 */
export async function enqueue(
  db: Store,
  dossier: { clientId: string; journeyId: string; payload: unknown; photos?: Record<string, Blob> },
): Promise<QueuedDossier | null> {
  const key = await vaultKey(db);
  const photos: QueuedPhoto[] = [];
  for (const [questionId, blob] of Object.entries(dossier.photos ?? {})) {
    photos.push({
      clientId: dossier.clientId,
      questionId,
      type: blob.type,
      size: blob.size,
      uploaded: false,
      sealed: await sealBytes(key, await blob.arrayBuffer()),
    });
  }
  const [next] = await db.getAllKeys('references', undefined, 1);
  if (!next) return null;
  const record: QueuedDossier = {
    clientId: dossier.clientId,
    reference: next,
    journeyId: dossier.journeyId,
    createdAt: new Date().toISOString(),
    state: 'waiting',
    sealed: await seal(key, { ...(dossier.payload as object), reference: next }),
  };
  const tx = db.transaction(['references', 'dossiers', 'photos'], 'readwrite');
  await tx.objectStore('references').delete(next);
  await tx.objectStore('dossiers').add(record);
  for (const photo of photos) await tx.objectStore('photos').put(photo);
  await tx.done;
  return record;
}

export async function queue(db: Store): Promise<QueuedDossier[]> {
  return db.getAllFromIndex('dossiers', 'byCreated');
}

export async function update(db: Store, clientId: string, change: Partial<QueuedDossier>): Promise<void> {
  const tx = db.transaction('dossiers', 'readwrite');
  const found = await tx.store.get(clientId);
  if (found) await tx.store.put({ ...found, ...change, clientId });
  await tx.done;
}

export async function openDossier<T>(db: Store, record: QueuedDossier): Promise<T> {
  return unseal<T>(await vaultKey(db), record.sealed);
}

export function photosOf(db: Store, clientId: string): Promise<QueuedPhoto[]> {
  return db.getAllFromIndex('photos', 'byDossier', clientId);
}

export async function photoBlob(db: Store, photo: QueuedPhoto): Promise<Blob> {
  return new Blob([await unsealBytes(await vaultKey(db), photo.sealed)], { type: photo.type });
}

export async function markUploaded(db: Store, photo: QueuedPhoto): Promise<void> {
  await db.put('photos', { ...photo, uploaded: true });
}

/** Every trace of every villager, and the key: the database itself is deleted. */
export async function wipe(db: Store): Promise<void> {
  db.close();
  await deleteDB(NAME);
}
