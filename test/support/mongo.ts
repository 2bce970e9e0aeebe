import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';

export interface TestDatabase {
  uri: string;
  dbName: string;
  client: MongoClient;
  db: Db;
}

/**
 * Gives the calling test file its own database on the run's server and drops it afterwards.
 * Fails loudly when no server is available: a database test never skips itself.
 */
export function useTestDatabase(label = path.basename(expect.getState().testPath ?? 'test', '.test.ts')): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    const uri = process.env.TEST_MONGODB_URI;
    if (!uri) throw new Error('TEST_MONGODB_URI is not set: the jest globalSetup did not start a database.');
    const dbName = testDatabaseName(label);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
    await client.connect();
    current = { uri, dbName, client, db: client.db(dbName) };
  });
  afterAll(async () => {
    if (!current) return;
    await current.db.dropDatabase().catch(() => undefined);
    await current.client.close();
  });
  return () => {
    if (!current) throw new Error('useTestDatabase(): the database is only available inside tests and hooks.');
    return current;
  };
}

/** FerretDB and Cosmos cap database names at 63 characters of [A-Za-z0-9_-]. */
export function testDatabaseName(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return `t_${safe}_${randomBytes(6).toString('hex')}`;
}
