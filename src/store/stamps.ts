import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { upsertWithRetry } from './claims';
import { COLLECTIONS } from './indexes';

interface StampDocument {
  _id: string;
  stamp: string;
}

/**
 * A change stamp: a random value renewed (whole-document replace, atomic everywhere) *after* each
 * change to what it guards. A reader reads the stamp first, then the data, and keeps both; when the
 * stamp later differs, it reads again. So several instances can cache without listening for changes.
 */
export async function readStamp(db: Db, id: string): Promise<string> {
  return (await db.collection<StampDocument>(COLLECTIONS.stamps).findOne({ _id: id }))?.stamp ?? '';
}

export async function renewStamp(db: Db, id: string): Promise<void> {
  await upsertWithRetry(() =>
    db.collection<StampDocument>(COLLECTIONS.stamps).replaceOne({ _id: id }, { stamp: randomUUID() }, { upsert: true }),
  );
}
