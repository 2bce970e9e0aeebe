/**
 * Runs `work` on every item with at most `limit` running at once. FerretDB 1.x on PostgreSQL holds a
 * pooled connection per operation and can wait for a second one inside it: hundreds of operations
 * at once can take the whole pool and stall the server, so wide fan-outs of database work go
 * through here.
 */
export async function forEachLimited<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker));
}
