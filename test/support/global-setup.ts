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
 * Configured on the database projects only (jest.config.js), so a unit-only run starts nothing.
 * FERRETDB_BIN picks the binary, as it does for the service.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  // Jest already runs a setup file shared by several projects once; this keeps it one server if not.
  if (runState().ferret) return;
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'utfall-test-db-'));
  runState().tempDir = tempDir;
  // Jest runs no globalTeardown when globalSetup throws, so a failed start cleans up here.
  const ferret = await startEmbeddedFerretDb({
    binary: process.env.FERRETDB_BIN ? path.resolve(process.env.FERRETDB_BIN) : path.resolve(__dirname, '../../.tools/bin/ferretdb'),
    dataDir: tempDir,
  }).catch((error: unknown) => {
    rmSync(tempDir, { recursive: true, force: true });
    runState().tempDir = undefined;
    throw error;
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
