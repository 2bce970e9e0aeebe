import type { AnyBulkWriteOperation, Document, Filter, UpdateFilter } from 'mongodb';

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
