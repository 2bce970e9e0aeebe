import { randomUUID } from 'node:crypto';
import { MongoBulkWriteError, MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import { COLLECTIONS } from './indexes';

/**
 * First writer wins, on every server the product supports. A conditional update (findOneAndUpdate
 * on state or version) is a compare-and-set on MongoDB, but FerretDB 1.x applies it as read, then
 * write, without isolation: under concurrency several callers "win". An insert under a unique
 * index is atomic on all of them, so every once-only decision (a job attempt, a response version,
 * a greeting) is taken by inserting a document whose _id names the decision.
 */
export class Claims {
  constructor(private readonly db: Db) {}

  /** True for exactly one caller per key. */
  async claim(key: string, owner: string, now: Date): Promise<boolean> {
    try {
      await this.db.collection<{ _id: string; owner: string; at: Date }>(COLLECTIONS.claims).insertOne({ _id: key, owner, at: now });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Several claims in one round trip: the keys this caller won (each key is still decided by its own
   * unique insert, so a key is won by exactly one caller whichever way the calls interleave).
   */
  async claimMany(keys: readonly string[], owner: string, now: Date): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    // A token of this call: two drains of one instance share `owner` (and, on a test clock, `now`).
    const token = randomUUID();
    const documents = keys.map((key) => ({ _id: key, owner, at: now, token }));
    try {
      await this.db
        .collection<{ _id: string; owner: string; at: Date; token: string }>(COLLECTIONS.claims)
        .insertMany(documents, { ordered: false });
      return new Set(keys);
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError) || !isDuplicateKey(error)) throw error;
      const refused = new Set([error.writeErrors].flat().map((writeError) => writeError.index));
      const won = new Set(keys.filter((_, index) => !refused.has(index)));
      // FerretDB can answer E11000 for a document of a batch that its own retry had already inserted
      // (seen on SQLite under load): a refused key whose claim is this caller's, taken now, is won.
      const collection = this.db.collection<{ _id: string; owner: string; at: Date; token?: string }>(COLLECTIONS.claims);
      for (const key of keys.filter((_, index) => refused.has(index))) {
        const holder = await collection.findOne({ _id: key });
        if (holder?.token === token) won.add(key);
      }
      return won;
    }
  }

  /**
   * A claim taken by an instance that died before acting on it would block its key for ever; one
   * older than `olderThan` is removed (only that exact claim) and the key claimed afresh. True for
   * at most one caller per stale claim.
   */
  async claimOrTakeOverStale(key: string, owner: string, now: Date, olderThan: Date): Promise<boolean> {
    if (await this.claim(key, owner, now)) return true;
    const collection = this.db.collection<{ _id: string; owner: string; at: Date }>(COLLECTIONS.claims);
    const existing = await collection.findOne({ _id: key });
    if (!existing || existing.at >= olderThan) return false;
    // FerretDB 1.x deletes by filter as read, then delete by _id: two callers that both saw the stale
    // claim could each delete, one of them the other's fresh claim, and both win. So removing this
    // exact stale claim is itself claimed first; if its winner dies too, that claim goes stale in turn.
    if (!(await this.claimOrTakeOverStale(takeoverKey(key, existing), owner, now, olderThan))) return false;
    await collection.deleteOne({ _id: key, owner: existing.owner, at: existing.at });
    return this.claim(key, owner, now);
  }

  /** Gives up a claim this owner holds (a lease whose work failed), so that the next try can take it at once. */
  async release(key: string, owner: string): Promise<void> {
    await this.db.collection<{ _id: string; owner: string }>(COLLECTIONS.claims).deleteOne({ _id: key, owner });
  }

  /** Deletes the claims on job attempts (`job:<id>#<n>`) taken before `cutoff`: technical records, kept as long as finished jobs. */
  async deleteJobAttemptsBefore(cutoff: Date): Promise<number> {
    const result = await this.db
      .collection<{ _id: string; owner: string; at: Date }>(COLLECTIONS.claims)
      .deleteMany({ _id: { $regex: /^job:/ }, at: { $lt: cutoff } });
    return result.deletedCount;
  }

  /** Who holds a claim, or null. */
  async holder(key: string): Promise<string | null> {
    const document = await this.db.collection<{ _id: string; owner: string }>(COLLECTIONS.claims).findOne({ _id: key });
    return document?.owner ?? null;
  }
}

/** The key under which callers compete to remove one particular stale claim of `key`. */
export function takeoverKey(key: string, stale: { owner: string; at: Date }): string {
  return `${key}>takeover:${stale.owner}@${stale.at.toISOString()}`;
}

export function isDuplicateKey(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const writeErrors = [error.writeErrors].flat();
    return writeErrors.length > 0 ? writeErrors.every((e) => e.code === 11000) : error.code === 11000;
  }
  return error instanceof MongoServerError && error.code === 11000;
}

/** Inserts documents that do not exist yet; duplicates (by _id or any unique index) are counted, not thrown. */
export async function insertNew<T extends Document>(collection: Collection<T>, documents: readonly T[]): Promise<number> {
  if (documents.length === 0) return 0;
  try {
    const result = await collection.insertMany(documents as never, { ordered: false });
    return result.insertedCount;
  } catch (error) {
    if (error instanceof MongoBulkWriteError && isDuplicateKey(error)) return error.insertedCount;
    throw error;
  }
}

/** Retries an upsert once when a concurrent upsert of the same key won the insert (E11000). */
export async function upsertWithRetry<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return run();
  }
}
