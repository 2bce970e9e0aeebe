import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../src/store/embedded-ferretdb';

interface RunState {
  ferret?: EmbeddedFerretDb;
  tempDir?: string;
}

/** globalSetup and globalTeardown run in the same process but may not share a module cache. */
export function runState(): RunState {
  const holder = globalThis as { __utfallTestRun?: RunState };
  holder.__utfallTestRun ??= {};
  return holder.__utfallTestRun;
}

/**
 * One database server for the whole run: the given MONGODB_URI, or an embedded FerretDB on a
 * temp folder. Workers read TEST_MONGODB_URI and give each test file its own database.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'utfall-test-db-'));
  runState().tempDir = tempDir;
  const ferret = await startEmbeddedFerretDb({
    binary: path.resolve(__dirname, '../../.tools/bin/ferretdb'),
    dataDir: tempDir,
  });
  runState().ferret = ferret;
  process.env.TEST_MONGODB_URI = ferret.uri;
  // If jest dies without running globalTeardown, do not leave the server behind.
  process.once('exit', () => {
    try {
      process.kill(ferret.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(tempDir, { recursive: true, force: true });
  });
}
