import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitOf, startMain as startProcess, waitForReady } from '../support/main-process';
import { testDatabaseName } from '../support/mongo';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');
const FERRETDB = path.join(ROOT, '.tools/bin/ferretdb');
const startMain = (env: Record<string, string>) => startProcess({ root: ROOT, env });

describe('the service process', () => {
  jest.setTimeout(40_000);

  test('when started against MONGODB_URI and sent SIGTERM, then it becomes ready and exits 0 within 10 s', async () => {
    const started = await startMain({ MONGODB_URI: process.env.TEST_MONGODB_URI ?? '', MONGODB_DB: testDatabaseName('proc') });
    expect(await waitForReady(started.port)).toBe(200);
    const exit = exitOf(started.child);
    started.child.kill('SIGTERM');
    const { code, ms } = await exit;

    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(started.output()).toContain('"msg":"stopped"');
  });

  test('when MONGODB_URI is absent, then it starts the embedded FerretDB on the data folder and stops it on exit', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'utfall-proc-'));
    try {
      const started = await startMain({ DATA_DIR: dataDir, FERRETDB_BIN: FERRETDB });
      expect(await waitForReady(started.port)).toBe(200);
      const ferretPort = Number(/"uri":"mongodb:\/\/127\.0\.0\.1:(\d+)\//.exec(started.output())?.[1]);
      const exit = exitOf(started.child);
      started.child.kill('SIGINT');

      expect((await exit).code).toBe(0);
      expect(existsSync(path.join(dataDir, 'utfall.sqlite'))).toBe(true);
      const stillThere = await fetch(`http://127.0.0.1:${ferretPort}/`).then(
        () => true,
        () => false,
      );
      expect(stillThere).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('when the configuration is invalid, then it exits non-zero listing every bad variable', async () => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', PORT: 'abc', LOG_LEVEL: 'loud' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('LOG_LEVEL');
  });

  test('when the database cannot be reached, then /readyz is 503 while it retries and it exits 1 with a clear log', async () => {
    const started = await startMain({ MONGODB_URI: 'mongodb://127.0.0.1:1/', DB_CONNECT_TIMEOUT_SECONDS: '3' });
    const ready = await fetch(`http://127.0.0.1:${started.port}/readyz`);
    expect(ready.status).toBe(503);
    const { code } = await exitOf(started.child);

    expect(code).toBe(1);
    expect(started.output()).toContain('database not reachable yet; retrying');
    expect(started.output()).toContain('Could not connect to the database');
  });
});
