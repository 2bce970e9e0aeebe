import { MongoClient, type Db } from 'mongodb';
import type { Logger } from '../logger';
import { ensureIndexes } from './indexes';

export interface MongoConnection {
  client: MongoClient;
  db: Db;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  uri: string;
  dbName: string;
  /** How long to keep retrying an unreachable server before giving up. */
  connectTimeoutMs: number;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Connects with bounded exponential backoff (so a database that starts a little after the app is
 * fine, but a wrong URI ends in a clear error instead of a silent crash loop), then ensures indexes.
 */
export async function connectMongo(options: ConnectOptions): Promise<MongoConnection> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + options.connectTimeoutMs;
  let delayMs = 250;
  for (let attempt = 1; ; attempt += 1) {
    const client = new MongoClient(options.uri, {
      // Short per-attempt selection so several attempts (and their log lines) fit in the budget.
      serverSelectionTimeoutMS: Math.max(500, Math.min(5_000, Math.floor(options.connectTimeoutMs / 4))),
      appName: 'utfall',
    });
    try {
      await client.connect();
      const db = client.db(options.dbName);
      await db.command({ ping: 1 });
      await ensureIndexes(db);
      options.logger.info({ dbName: options.dbName, attempt }, 'database connected');
      return wrap(client, db);
    } catch (error) {
      await client.close().catch(() => undefined);
      if (Date.now() + delayMs > deadline) {
        throw new Error(`Could not connect to the database within ${options.connectTimeoutMs} ms: ${String(error)}`);
      }
      options.logger.warn({ attempt, retryInMs: delayMs, err: error }, 'database not reachable yet; retrying');
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, 5_000);
    }
  }
}

function wrap(client: MongoClient, db: Db): MongoConnection {
  return {
    client,
    db,
    async ping() {
      try {
        // Well inside the 2 s a readiness probe waits, also while the server is down.
        await db.command({ ping: 1 }, { timeoutMS: 1_000 });
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}
