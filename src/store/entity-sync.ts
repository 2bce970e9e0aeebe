import type { AnyBulkWriteOperation, Collection, Document, Filter } from 'mongodb';
import { diffEntities } from '../domain/entity-diff';
import { insertNew } from './claims';
import { updateById } from './bulk-updates';
import { forEachLimited } from '../domain/limited';
import type { SyncCounts } from '../domain/import-issues';

/** Imported entities are stored under their stable key as _id. */
export type KeyedDocument = Document & { _id: string };

/** Stored shape of an imported entity: the entity's own fields, keyed by its stable key, plus bookkeeping. */
export type EntityDocument<T> = T & { _id: string; createdAt: Date; updatedAt: Date };

const BOOKKEEPING = new Set(['_id', 'createdAt', 'updatedAt']);
const INSERT_BATCH = 1_000;
const UPDATE_BATCH = 50;
const PARALLEL_INSERTS = 3;
/** More changed entities than this in one group (one plan's goals or indicators) rewrite the group whole. */
const REWRITE_OVER = 16;

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
  /** What is compared with `incoming`; several filters are read one after the other and together make the scope. */
  scope: Filter<KeyedDocument> | readonly Filter<KeyedDocument>[];
  now: Date;
  archive: boolean;
  /** A field that groups the entities (`plan`): a group with many changes is rewritten whole, see rewriteGroups. */
  groupField?: string;
}): Promise<SyncCounts> {
  const stored: KeyedDocument[] = [];
  for (const filter of Array.isArray(options.scope) ? options.scope : [options.scope])
    stored.push(...(await options.collection.find(filter).toArray()));
  const existing = new Map(stored.map((document) => [String(document._id), stripBookkeeping<T>(document)]));
  const diff = diffEntities(options.incoming, existing, (entity) => entity.key);
  const toArchiveAll = options.archive ? diff.missing.filter((key) => existing.get(key)?.archived !== true) : [];
  const rewritten = options.groupField
    ? await rewriteGroups(options, stored, diff.updated, toArchiveAll, options.groupField)
    : new Set<string>();
  const inRewrittenGroup = (key: string) => rewritten.has(key);
  // New entities go in as plain batched inserts and changed ones as small update batches: FerretDB
  // 1.x handles an update command with hundreds of statements very slowly (it stalls at ~200), and
  // an identical re-import writes nothing at all.
  // A few insert batches at once: the database server's work on one overlaps the encoding of the next.
  const starts = Array.from({ length: Math.ceil(diff.created.length / INSERT_BATCH) }, (_, index) => index * INSERT_BATCH);
  await forEachLimited(starts, PARALLEL_INSERTS, async (start) => {
    const documents = diff.created
      .slice(start, start + INSERT_BATCH)
      .map((entity) => ({ ...entity, _id: entity.key, createdAt: options.now, updatedAt: options.now }));
    await insertNew(options.collection, documents);
  });
  const updates: AnyBulkWriteOperation<KeyedDocument>[] = diff.updated
    .filter((entity) => !inRewrittenGroup(entity.key))
    .map((entity) => updateById<KeyedDocument>({ _id: entity.key }, { $set: { ...entity, updatedAt: options.now } }));
  for (let start = 0; start < updates.length; start += UPDATE_BATCH) {
    await options.collection.bulkWrite(updates.slice(start, start + UPDATE_BATCH), { ordered: false });
  }
  const toArchive = toArchiveAll.filter((key) => !inRewrittenGroup(key));
  if (toArchive.length > 0) {
    await options.collection.updateMany({ _id: { $in: toArchive } }, { $set: { archived: true, updatedAt: options.now } });
  }
  return { created: diff.created.length, updated: diff.updated.length, unchanged: diff.unchanged, archived: toArchiveAll.length };
}

/**
 * Rewrites each group (e.g. one plan's indicators) in which more than REWRITE_OVER stored entities
 * changed: one delete of the group and one insert of its new contents, instead of an update per
 * entity. FerretDB 1.x finds a document by `_id` by scanning the whole collection (its SQL cannot
 * use the `_id` index), so a revised plan of 250 indicators in a region of 50 000 cost 250 scans;
 * the group's delete is one scan. A reader in the moment between the two sees the group empty,
 * which the plan revision written after the import makes every instance reload. Returns the keys
 * the rewrite took care of.
 */
async function rewriteGroups<T extends { key: string }>(
  options: { collection: Collection<KeyedDocument>; now: Date },
  stored: readonly KeyedDocument[],
  updated: readonly T[],
  toArchive: readonly string[],
  groupField: string,
): Promise<Set<string>> {
  const groupOf = new Map(stored.map((document) => [String(document._id), document[groupField] as unknown]));
  const changes = new Map<unknown, number>();
  for (const key of [...updated.map((entity) => entity.key), ...toArchive])
    changes.set(groupOf.get(key), (changes.get(groupOf.get(key)) ?? 0) + 1);
  const groups = new Set(
    [...changes].filter(([group, count]) => typeof group === 'string' && count > REWRITE_OVER).map(([group]) => group),
  );
  const done = new Set<string>();
  if (groups.size === 0) return done;
  const replacement = new Map(updated.map((entity) => [entity.key, entity]));
  const storedByGroup = new Map<unknown, KeyedDocument[]>();
  for (const document of stored) {
    if (!groups.has(document[groupField])) continue;
    const members = storedByGroup.get(document[groupField]) ?? [];
    members.push(document);
    storedByGroup.set(document[groupField], members);
  }
  const archived = new Set(toArchive);
  await forEachLimited(groups, PARALLEL_INSERTS, async (group) => {
    const documents = (storedByGroup.get(group) ?? []).map((document): KeyedDocument => {
      const key = String(document._id);
      const entity = replacement.get(key);
      if (entity) return { ...entity, _id: key, createdAt: document.createdAt as Date, updatedAt: options.now };
      if (archived.has(key)) return { ...document, archived: true, updatedAt: options.now };
      return document;
    });
    await options.collection.deleteMany({ [groupField]: group });
    for (let start = 0; start < documents.length; start += INSERT_BATCH)
      await insertNew(options.collection, documents.slice(start, start + INSERT_BATCH));
    for (const document of documents) done.add(document._id);
  });
  return done;
}
