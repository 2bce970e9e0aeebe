import type { AnyBulkWriteOperation, Collection, Document, Filter, UpdateFilter } from 'mongodb';

/**
 * A bulk-write statement that updates the one document its filter names by `_id`.
 *
 * It is sent as `updateMany` on purpose. `_id` is unique, so on MongoDB the two are the same, but
 * FerretDB 1.x (on PostgreSQL) keeps the read of every `updateOne` statement open until the whole
 * command has finished, each read holding a pooled PostgreSQL connection: a bulk of n statements
 * holds n + 1 connections, and once n reaches the pool size (50) the command waits for itself and
 * the server stalls for every client. An `updateMany` read runs to its end and gives its connection
 * back before the next statement, so a bulk of any length holds two at most.
 */
export function updateById<T extends Document>(
  filter: Filter<T> & { _id: unknown },
  update: UpdateFilter<T>,
  options: { upsert?: boolean } = {},
): AnyBulkWriteOperation<T> {
  return { updateMany: { filter, update, upsert: options.upsert ?? false } };
}

/**
 * At most this many `updateOne` statements go in one command, so that on FerretDB on PostgreSQL one
 * command holds at most this many connections plus one (see updateById).
 */
export const UPDATE_ONE_PER_COMMAND = 8;

/**
 * Sends `updateOne` statements in commands of UPDATE_ONE_PER_COMMAND, for documents whose update
 * must stop at the first match (the job queue: `updateMany` there made FerretDB on SQLite so slow,
 * under load after a restart, that saves timed out for minutes). Returns how many were modified.
 */
export async function updateOneEach<T extends Document>(
  collection: Collection<T>,
  statements: readonly { filter: Filter<T>; update: UpdateFilter<T> }[],
): Promise<number> {
  let modified = 0;
  for (let start = 0; start < statements.length; start += UPDATE_ONE_PER_COMMAND) {
    const chunk = statements.slice(start, start + UPDATE_ONE_PER_COMMAND).map(({ filter, update }) => ({ updateOne: { filter, update } }));
    modified += (await collection.bulkWrite(chunk as AnyBulkWriteOperation<T>[], { ordered: false })).modifiedCount;
  }
  return modified;
}
