import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { stopProcess } from '../child-process';

export interface EmbeddedFerretDb {
  uri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedFerretDbOptions {
  /** Path to the ferretdb binary that `npm run setup` installs into .tools/bin. */
  binary: string;
  /** Folder for the SQLite files (kept across restarts), and for FerretDB's state in either case. */
  dataDir: string;
  /**
   * Store in PostgreSQL instead of SQLite (FerretDB's `postgresql` handler), e.g.
   * `postgres://root@127.0.0.1:5432/test`: each MongoDB database becomes a schema there.
   */
  postgresqlUrl?: string;
  startTimeoutMs?: number;
  /** Listen on this port instead of a free one (e.g. to come back where clients expect it after a stop). */
  port?: number;
  onLog?: (line: string) => void;
}

/**
 * Starts FerretDB 1.x with the SQLite handler (or the PostgreSQL one, given `postgresqlUrl`) on a free
 * loopback port and waits until it answers ping.
 * The caller owns the process and must call stop(); a failed start kills what it began.
 */
export async function startEmbeddedFerretDb(options: EmbeddedFerretDbOptions): Promise<EmbeddedFerretDb> {
  const binary = path.resolve(options.binary);
  if (!existsSync(binary)) {
    throw new Error(
      `FerretDB is not installed at ${binary}. Run "npm run setup" (needs Go), or set MONGODB_URI to a MongoDB-compatible server.`,
    );
  }
  const dataDir = path.resolve(options.dataDir);
  const stateDir = path.join(dataDir, 'state');
  mkdirSync(stateDir, { recursive: true });

  let lastError: unknown;
  // A free port found by binding port 0 can be taken by someone else before FerretDB binds it; try again then.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = options.port ?? (await findFreePort());
    const child = spawnFerretDb(binary, storage(dataDir, options.postgresqlUrl), stateDir, port, options.onLog);
    try {
      await waitForPing(`mongodb://127.0.0.1:${port}/`, child, options.startTimeoutMs ?? 20_000);
      return {
        uri: `mongodb://127.0.0.1:${port}/`,
        port,
        pid: child.pid ?? -1,
        stop: () => stopProcess(child),
      };
    } catch (error) {
      lastError = error;
      await stopProcess(child);
    }
  }
  throw new Error(`FerretDB did not start: ${String(lastError)}`);
}

/** The handler flags: SQLite files in `dataDir`, or the given PostgreSQL database. */
function storage(dataDir: string, postgresqlUrl: string | undefined): string[] {
  return postgresqlUrl
    ? ['--handler=postgresql', `--postgresql-url=${postgresqlUrl}`]
    : ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`];
}

function spawnFerretDb(binary: string, handler: string[], stateDir: string, port: number, onLog?: (line: string) => void): ChildProcess {
  const child = spawn(
    binary,
    [...handler, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${stateDir}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Whatever ends this process (a hard stop, a fatal error) must not leave FerretDB running on its own.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '') onLog?.(line);
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

async function waitForPing(uri: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited with code ${child.exitCode}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  throw new Error(`ferretdb did not answer ping within ${timeoutMs} ms`);
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
