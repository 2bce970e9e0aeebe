import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { PLAN_FIXTURES } from '../support/fixtures';
import { testDatabaseName } from '../support/mongo';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli.js');

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli -- import', () => {
  jest.setTimeout(30_000);
  const dbName = testDatabaseName('cli');
  const env = { MONGODB_URI: process.env.TEST_MONGODB_URI ?? '', MONGODB_DB: dbName };
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-cli-'));

  afterAll(async () => {
    rmSync(temp, { recursive: true, force: true });
    const client = await MongoClient.connect(env.MONGODB_URI);
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  test('when every fixture is imported, then it exits 0 with a Swedish summary', async () => {
    for (const file of Object.values(PLAN_FIXTURES)) {
      const result = await runCli(['import', file], env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Planen är importerad');
    }
  });

  test('when a file is imported again, then the summary says everything is unchanged', async () => {
    const result = await runCli(['import', PLAN_FIXTURES.norrbotten], env);
    expect(result.stdout).toContain('Mätetal: 0 nya, 0 ändrade, 15 oförändrade');
  });

  test('when the file has errors, then it exits non-zero listing each by row and field, and writes nothing', async () => {
    const csv = path.join(temp, 'plan.csv');
    writeFileSync(
      csv,
      [
        'enhet_id;år;perspektiv;mål_id;mål;målägare;mätetal_id;mätetal;typ;målvärde;perioder;färg',
        'CLI-U;2026;Ekonomi;CLI-G1;Budget i balans;ekonom@region.example;CLI-I1;Resultat;tal;12,3,4;ÅR;röd',
        'CLI-U;2026;Ekonomi;CLI-G1;Budget i balans;ekonom@region.example;CLI-I1;Resultat igen;tal;0;ÅR;röd',
      ].join('\n'),
    );
    const periods = path.join(temp, 'perioder.csv');
    writeFileSync(periods, 'kod;namn;öppnar;sista svarsdag;stänger\nÅR;Helår 2026;2027-01-08;2027-01-22;2027-02-01\n');

    const result = await runCli(['import', csv, '--perioder', periods], env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Inget importerades');
    expect(result.stderr).toContain('Okänd kolumn ”färg”');
    expect(result.stderr).toMatch(/rad 2, kolumn målvärde: ”12,3,4” är inte ett tal/);
    expect(result.stderr).toMatch(/rad 3.*”CLI-I1” förekommer flera gånger \(även rad 2\)/);
    const client = await MongoClient.connect(env.MONGODB_URI);
    expect(await client.db(dbName).collection('plans').countDocuments({ unit: 'CLI-U' })).toBe(0);
    await client.close();
  });

  test('when the command is wrong, then it prints the usage and exits 64', async () => {
    const result = await runCli(['exportera'], env);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('Användning');
  });
});
