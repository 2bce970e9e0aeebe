import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { restoreBackupFile, writeBackupFile } from '../../src/store/backup';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../src/store/embedded-ferretdb';
import { COLLECTIONS, ensureIndexes } from '../../src/store/indexes';
import { useTestDatabase, testDatabaseName } from '../support/mongo';
import { canonicalContents, seedRecords } from '../support/records-fixtures';

/** The machine's PostgreSQL (trust auth, database `test`); FerretDB keeps each MongoDB database in its own schema there. */
const POSTGRESQL_URL = process.env.TEST_POSTGRESQL_URL ?? 'postgres://root@127.0.0.1:5432/test';
const FERRETDB_BIN = path.resolve(process.env.FERRETDB_BIN ?? path.resolve(__dirname, '../../.tools/bin/ferretdb'));
const NAMES = Object.values(COLLECTIONS);
const NOW = new Date('2026-11-29T10:00:00Z');

const database = useTestDatabase();

describe('backup: export and import-backup', () => {
  jest.setTimeout(120_000);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-backup-'));
  let postgres: EmbeddedFerretDb;
  let postgresClient: MongoClient;
  let postgresDb: Db;
  const sqliteClones: Db[] = [];

  beforeAll(async () => {
    await ensureIndexes(database().db);
    await seedRecords(database().db);
    postgres = await startEmbeddedFerretDb({
      binary: FERRETDB_BIN,
      dataDir: path.join(temp, 'ferretdb-pg'),
      postgresqlUrl: POSTGRESQL_URL,
    });
    postgresClient = await MongoClient.connect(postgres.uri);
    postgresDb = postgresClient.db(testDatabaseName('backup_pg'));
    await ensureIndexes(postgresDb); // as the service leaves a new database: every collection there, empty
  });

  afterAll(async () => {
    for (const clone of sqliteClones) await clone.dropDatabase().catch(() => undefined);
    await postgresDb?.dropDatabase().catch(() => undefined);
    await postgresClient?.close();
    await postgres?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  test('when SQLite is exported, restored on PostgreSQL and exported again, then every document comes back with its _id and types', async () => {
    const fromSqlite = path.join(temp, 'sqlite.jsonl');
    const fromPostgres = path.join(temp, 'postgres.jsonl');
    const original = await canonicalContents(database().db, NAMES);

    const exported = await writeBackupFile(database().db, fromSqlite, NOW);
    const restored = await restoreBackupFile(postgresDb, fromSqlite);
    await writeBackupFile(postgresDb, fromPostgres, NOW);
    const back = database().client.db(testDatabaseName('backup_back'));
    sqliteClones.push(back);
    const restoredBack = await restoreBackupFile(back, fromPostgres);

    expect(exported.documents).toBeGreaterThan(40);
    expect(restored).toMatchObject({ status: 'restored', documents: exported.documents, counts: exported.counts });
    expect(restoredBack).toMatchObject({ status: 'restored', documents: exported.documents });
    expect(await canonicalContents(postgresDb, NAMES)).toEqual(original);
    expect(await canonicalContents(back, NAMES)).toEqual(original);
    // The two files differ only in the header's database name (and the order of documents within a collection).
    const body = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(1).sort();
    expect(body(fromPostgres)).toEqual(body(fromSqlite));
    // Each collection is there, with the types plain JSON would lose.
    const awkward = await postgresDb.collection('settings').findOne({ _id: 'awkward-types' as never }, { promoteValues: false });
    expect(awkward).toMatchObject({ double: { _bsontype: 'Double' }, long: { _bsontype: 'Long' }, int: { _bsontype: 'Int32' } });
    expect(String(awkward?.long)).toBe('9007199254740993');
    const history = await postgresDb.collection('history').find({ subject: 'indicator:NB-P1-G1-I1' }).sort({ version: 1 }).toArray();
    expect(history.map((entry) => entry.version)).toEqual([1, 2, 3]);
    expect(history[0]?.at).toBeInstanceOf(Date);
  });

  test('when the database already holds documents, then the import refuses, names what is there and writes nothing', async () => {
    const file = path.join(temp, 'refused.jsonl');
    await writeBackupFile(database().db, file, NOW);
    const before = await canonicalContents(database().db, NAMES);

    const outcome = await restoreBackupFile(database().db, file);

    expect(outcome.status).toBe('not_empty');
    expect(outcome.status === 'not_empty' && outcome.collections.map((collection) => collection.name)).toEqual(
      expect.arrayContaining(['plans', 'responses', 'history']),
    );
    expect(await canonicalContents(database().db, NAMES)).toEqual(before);
  });

  test('when the file is cut off, altered or not a backup, then the import says which line and writes nothing', async () => {
    const file = path.join(temp, 'whole.jsonl');
    await writeBackupFile(database().db, file, NOW);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const target = database().client.db(testDatabaseName('backup_bad'));
    sqliteClones.push(target);
    const cases: [string, string[], RegExp][] = [
      ['cut off', lines.slice(0, -5), /avkortad/],
      ['unknown collection', [...lines.slice(0, 3), '{"c":"passwords","d":{"_id":"x"}}', ...lines.slice(3)], /^varken ett dokument/],
      ['document without _id', [...lines.slice(0, 3), '{"c":"units","d":{"key":"X"}}', ...lines.slice(3)], /saknar _id/],
      ['not JSON', [...lines.slice(0, 3), '{"c":', ...lines.slice(3)], /inte JSON/],
      ['a later format', [lines[0]!.replace('"version":1', '"version":2'), ...lines.slice(1)], /inte huvudet/],
      ['counts disagree', [...lines.slice(0, 3), ...lines.slice(4)], /slutraden räknar/],
    ];
    for (const [label, content, problem] of cases) {
      const bad = path.join(temp, `${label.replace(/\W+/g, '-')}.jsonl`);
      writeFileSync(bad, `${content.join('\n')}\n`);
      const outcome = await restoreBackupFile(target, bad);
      expect({ label, status: outcome.status }).toEqual({ label, status: 'invalid' });
      expect(outcome.status === 'invalid' && outcome.problem).toMatch(problem);
    }
    expect(await target.listCollections().toArray()).toEqual([]);
  });
});
