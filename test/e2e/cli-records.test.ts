import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BSON, MongoClient } from 'mongodb';
import { COLLECTIONS, ensureIndexes } from '../../src/store/indexes';
import { testDatabaseName } from '../support/mongo';
import { canonicalContents, seedRecords, SEEDED } from '../support/records-fixtures';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli.js');
const NAMES = Object.values(COLLECTIONS);

function runCli(args: string[], dbName: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', MONGODB_URI: process.env.TEST_MONGODB_URI ?? '', MONGODB_DB: dbName };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli -- export / import-backup', () => {
  jest.setTimeout(60_000);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-cli-records-'));
  const source = testDatabaseName('cli_backup_source');
  const target = testDatabaseName('cli_backup_target');
  let client: MongoClient;

  beforeAll(async () => {
    client = await MongoClient.connect(process.env.TEST_MONGODB_URI ?? '');
    await ensureIndexes(client.db(source));
    await seedRecords(client.db(source));
  });

  afterAll(async () => {
    for (const name of [source, target]) await client.db(name).dropDatabase();
    await client.close();
    rmSync(temp, { recursive: true, force: true });
  });

  test('when a database is exported and imported into an empty one, then both hold the same documents; a second import is refused', async () => {
    const file = path.join(temp, 'utfall.jsonl');

    const exported = await runCli(['export', file], source);
    const imported = await runCli(['import-backup', file], target);
    const again = await runCli(['import-backup', file], target);

    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^Säkerhetskopian är skriven till .*utfall\.jsonl: \d+ dokument på \d+,\d s \(.*history 5.*\)\.\n$/);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain(`är återställd till databasen ”${target}”`);
    expect(await canonicalContents(client.db(target), NAMES)).toEqual(await canonicalContents(client.db(source), NAMES));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Databasen ”${target}” är inte tom (`);
    expect(again.stderr).toContain('Inget skrevs.');
  });

  test('when the file is missing from the command line, then the usage names both commands and the exit code is 64', async () => {
    const result = await runCli(['export'], source);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('npm run cli -- export <fil>');
    expect(result.stderr).toContain('npm run cli -- import-backup <fil>');
  });
});

describe('npm run cli -- person export / person erase', () => {
  jest.setTimeout(60_000);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-cli-person-'));
  const dbName = testDatabaseName('cli_person');
  let client: MongoClient;
  const counts = (data: Record<string, unknown[]>) =>
    Object.fromEntries(Object.entries(data).map(([name, documents]) => [name, documents.length]));

  beforeAll(async () => {
    client = await MongoClient.connect(process.env.TEST_MONGODB_URI ?? '');
    await ensureIndexes(client.db(dbName));
    await seedRecords(client.db(dbName));
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
    rmSync(temp, { recursive: true, force: true });
  });

  test('when a person is exported, then every document about them is in the JSON: identity, conversations, delegations, answers, history, jobs, plan roles', async () => {
    const owner = await runCli(['person', 'export', SEEDED.owner.email.toUpperCase()], dbName);
    const file = path.join(temp, 'kalle.json');
    const colleague = await runCli(['person', 'export', SEEDED.colleague.email, '--out', file], dbName);

    expect(owner).toMatchObject({ code: 0, stderr: '' });
    const ownerData = BSON.EJSON.parse(owner.stdout) as Record<string, Record<string, unknown>[]>;
    expect(counts(ownerData)).toMatchObject({
      people: 1,
      identities: 1,
      conversations: 1,
      delegations: 1,
      responses: 1,
      goalResponses: 1,
      history: 5,
      jobs: 1,
      channelLinks: 1,
    });
    expect(ownerData.goals!.length).toBeGreaterThan(0);
    expect(ownerData.people![0]).toMatchObject({
      _id: SEEDED.owner.email,
      aadObjectId: SEEDED.owner.aadObjectId,
      createdAt: expect.any(Date),
    });
    expect(colleague).toMatchObject({ code: 0, stdout: '' });
    expect(colleague.stderr).toContain(`dokument om ${SEEDED.colleague.email} är skrivna till ${file}`);
    const colleagueData = BSON.EJSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>;
    expect(counts(colleagueData)).toMatchObject({
      people: 1,
      identities: 1,
      conversations: 1,
      delegations: 1,
      responses: 0,
      history: 1,
      jobs: 1,
      claims: 1,
    });
  });

  test('when a person is erased, then their Teams ids, identity links, conversations, pending jobs and greeting are gone, and the records stay', async () => {
    const db = client.db(dbName);
    const recordsBefore = await canonicalContents(db, ['responses', 'goalResponses', 'history', 'delegations', 'goals', 'indicators']);

    const erased = await runCli(['person', 'erase', SEEDED.owner.email], dbName);
    await runCli(['person', 'erase', SEEDED.colleague.email], dbName);

    expect(erased).toMatchObject({ code: 0, stderr: '' });
    expect(erased.stdout).toContain('1 identitetskopplingar, 1 konversationsreferenser, 1 väntande utskick');
    expect(erased.stdout).toContain('finns kvar som allmänna handlingar');
    const person = await db.collection('people').findOne({ _id: SEEDED.owner.email as never });
    expect(person).toMatchObject({ email: SEEDED.owner.email, reachable: false, erasedAt: expect.any(Date) });
    for (const field of ['aadObjectId', 'userId', 'tenantId', 'name', 'locale']) expect(person).not.toHaveProperty(field);
    expect(await db.collection('identities').countDocuments({})).toBe(0);
    expect(await db.collection('conversations').countDocuments({})).toBe(0);
    expect(await db.collection('jobs').countDocuments({ state: 'pending' })).toBe(0);
    expect(await db.collection('claims').countDocuments({ _id: { $regex: '^greeting:' } as never })).toBe(0);
    // The answers keep who gave them, by e-mail and name, and history is byte for byte what it was.
    expect(await canonicalContents(db, ['responses', 'goalResponses', 'history', 'delegations', 'goals', 'indicators'])).toEqual(
      recordsBefore,
    );
    expect(await db.collection('responses').findOne({})).toMatchObject({ author: SEEDED.owner.email, authorName: SEEDED.owner.name });
  });

  test('when the address is not an e-mail address, then the usage is printed and nothing is done', async () => {
    const result = await runCli(['person', 'erase', 'inte-en-adress'], dbName);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('person erase <e-post>');
  });
});
