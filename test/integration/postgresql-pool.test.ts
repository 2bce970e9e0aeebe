import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../src/store/embedded-ferretdb';
import { syncEntities, type KeyedDocument } from '../../src/store/entity-sync';
import { ensureIndexes } from '../../src/store/indexes';
import { RollupRepository, type RollupFacts } from '../../src/store/rollup-repository';
import { testDatabaseName } from '../support/mongo';

/**
 * FerretDB 1.x on PostgreSQL keeps the read of each `updateOne` statement of an update command open
 * until the command ends, each holding a pooled connection: a bulk with as many statements as the
 * pool has connections waited on itself forever and stalled the server (it did, at 50 000
 * indicators). Here the pool has 12 connections, so a bulk of 40 statements of that kind would hang;
 * the import's and the roll-ups' bulk writes must finish. (The job queue's batch statements are as many as
 * SEND_CONCURRENCY: keep that well under FerretDB's pool.)
 */
const POSTGRESQL_URL = process.env.TEST_POSTGRESQL_URL ?? 'postgres://root@127.0.0.1:5432/test';
const FERRETDB_BIN = path.resolve(process.env.FERRETDB_BIN ?? path.resolve(__dirname, '../../.tools/bin/ferretdb'));
const POOL = 12;
const MANY = 40;
const NOW = new Date('2026-11-29T10:00:00Z');

/** A hang fails here with a message, well before jest's own timeout. */
async function finishesWithin<T>(what: string, work: Promise<T>, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms: FerretDB's connection pool is held`)), ms);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('bulk writes on FerretDB/PostgreSQL with a small connection pool', () => {
  jest.setTimeout(120_000);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-pgpool-'));
  let ferret: EmbeddedFerretDb;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    ferret = await startEmbeddedFerretDb({
      binary: FERRETDB_BIN,
      dataDir: path.join(temp, 'ferretdb'),
      postgresqlUrl: `${POSTGRESQL_URL}${POSTGRESQL_URL.includes('?') ? '&' : '?'}pool_max_conns=${POOL}`,
    });
    client = await MongoClient.connect(ferret.uri);
    db = client.db(testDatabaseName('pgpool'));
    await ensureIndexes(db);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await ferret?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  test(`when ${MANY} stored entities change at once, then the sync updates every one of them`, async () => {
    const collection = db.collection<KeyedDocument>('indicators');
    const entities = (target: number) => Array.from({ length: MANY }, (_, i) => ({ key: `I${i}`, plan: 'P', target }));
    const sync = (target: number) =>
      syncEntities({ collection, incoming: entities(target), scope: { plan: 'P' }, now: NOW, archive: false });

    expect(await finishesWithin('first sync', sync(1))).toMatchObject({ created: MANY });
    expect(await finishesWithin('changed sync', sync(2))).toMatchObject({ updated: MANY });
    expect(await collection.countDocuments({ target: 2 })).toBe(MANY);
  });

  test(`when a period's ${MANY} goal roll-ups are written again, then every one is replaced`, async () => {
    const rollups = new RollupRepository(db);
    const facts = (comment: string) =>
      new Map<string, RollupFacts>(
        Array.from({ length: MANY }, (_, i) => [`G${i}`, { indicatorResponses: [], goalResponses: [{ comment } as never] }]),
      );
    await finishesWithin('first roll-ups', rollups.writeGoals('P|ÅR', facts('first')));
    await finishesWithin('rewritten roll-ups', rollups.writeGoals('P|ÅR', facts('second')));
    const stored = await rollups.goalsOf('P|ÅR');
    expect(stored).toHaveLength(MANY);
    expect(stored.every((rollup) => JSON.stringify(rollup.facts).includes('second'))).toBe(true);
  });
});
