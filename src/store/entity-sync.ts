import type { AnyBulkWriteOperation, Collection, Document, Filter } from 'mongodb';
import { diffEntities } from '../domain/entity-diff';
import { insertNew } from './claims';
import { updateById } from './bulk-updates';
import type { SyncCounts } from '../domain/import-issues';

/** Imported entities are stored under their stable key as _id. */
export type KeyedDocument = Document & { _id: string };

/** Stored shape of an imported entity: the entity's own fields, keyed by its stable key, plus bookkeeping. */
export type EntityDocument<T> = T & { _id: string; createdAt: Date; updatedAt: Date };

const BOOKKEEPING = new Set(['_id', 'createdAt', 'updatedAt']);
const INSERT_BATCH = 1_000;
const UPDATE_BATCH = 50;

export function stripBookkeeping<T>(document: Document): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !BOOKKEEPING.has(key))) as T;
}

/**
 * Brings a collection in line with the incoming entities within `scope` (e.g. the plans in the
 * file): creates new ones, updates changed ones in place, leaves identical ones untouched, and,
 * with `archive`, marks the ones no longer present as archived instead of deleting them.
 */
export async function syncEntities<T extends { key: string; archived?: boolean }>(options: {
  collection: Collection<KeyedDocument>;
  incoming: readonly T[];
  scope: Filter<KeyedDocument>;
  now: Date;
  archive: boolean;
}): Promise<SyncCounts> {
  const stored = await options.collection.find(options.scope).toArray();
  const existing = new Map(stored.map((document) => [String(document._id), stripBookkeeping<T>(document)]));
  const diff = diffEntities(options.incoming, existing, (entity) => entity.key);
  // New entities go in as plain batched inserts and changed ones as small update batches: FerretDB
  // 1.x handles an update command with hundreds of statements very slowly (it stalls at ~200), and
  // an identical re-import writes nothing at all.
  for (let start = 0; start < diff.created.length; start += INSERT_BATCH) {
    const documents = diff.created
      .slice(start, start + INSERT_BATCH)
      .map((entity) => ({ ...entity, _id: entity.key, createdAt: options.now, updatedAt: options.now }));
    await insertNew(options.collection, documents);
  }
  const updates: AnyBulkWriteOperation<KeyedDocument>[] = diff.updated.map((entity) =>
    updateById<KeyedDocument>({ _id: entity.key }, { $set: { ...entity, updatedAt: options.now } }),
  );
  for (let start = 0; start < updates.length; start += UPDATE_BATCH) {
    await options.collection.bulkWrite(updates.slice(start, start + UPDATE_BATCH), { ordered: false });
  }
  const toArchive = options.archive ? diff.missing.filter((key) => existing.get(key)?.archived !== true) : [];
  if (toArchive.length > 0) {
    await options.collection.updateMany({ _id: { $in: toArchive } }, { $set: { archived: true, updatedAt: options.now } });
  }
  return { created: diff.created.length, updated: diff.updated.length, unchanged: diff.unchanged, archived: toArchive.length };
}
