import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { COLLECTIONS, ensureIndexes } from '../../src/store/indexes';
import { testDatabaseName } from '../support/mongo';
import { canonicalContents, seedRecords } from '../support/records-fixtures';

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
