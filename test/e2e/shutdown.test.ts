import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson, messageActivity, postActivity } from '../support/activities';
import { exitOf, startMain, waitForReady } from '../support/main-process';
import { testDatabaseName } from '../support/mongo';

const ROOT = path.resolve(__dirname, '../..');
const FERRETDB = path.join(ROOT, '.tools/bin/ferretdb');

/** The ids of a process's children, read from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when nothing listens on the port any more (a new listener can bind it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** True when a TCP connection to the port is refused (nothing answers there). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function until(probe: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return probe();
}

describe('stopping the service', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;

  beforeAll(async () => {
    stub = await startConnectorStub();
  });
  afterAll(async () => stub?.stop());

  test('when npm start is sent SIGTERM, then npm passes it on: the service and its embedded FerretDB stop, both ports are free, and npm exits 0', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'utfall-npm-start-'));
    // npm start exactly as an operator runs it, the service on the embedded FerretDB.
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        FERRETDB_BIN: FERRETDB,
      },
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let service: number | undefined;
    try {
      expect(await until(() => /"msg":"database connected"/.test(output), 30_000)).toBe(true);
      const port = Number(/"port":(\d+),"authDisabled":\w+,"msg":"listening"/.exec(output)?.[1]);
      const ferretPort = Number(/"uri":"mongodb:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1]);
      expect(await waitForReady(port)).toBe(200);
      // npm → (sh →) node → ferretdb: find the service and its database under npm.
      service = [npm.pid!, ...childrenOf(npm.pid!)]
        .flatMap((pid) => [pid, ...childrenOf(pid)])
        .find((pid) => commandLine(pid)[0]?.endsWith('node') && commandLine(pid).includes('dist/src/main.js'));
      expect(service).toBeDefined();
      const ferretdb = childrenOf(service!).find((pid) => commandLine(pid)[0]?.endsWith('ferretdb'));
      expect(ferretdb).toBeDefined();

      npm.kill('SIGTERM');
      const { code } = await exited;

      expect(code).toBe(0);
      expect(output).toContain('"signal":"SIGTERM","msg":"shutting down"');
      expect(output).toContain('"msg":"stopped"');
      expect(await until(() => !alive(service!) && !alive(ferretdb!), 10_000)).toBe(true);
      expect(await portIsFree(port)).toBe(true);
      expect(await refused(ferretPort)).toBe(true);
    } finally {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
      // Never leave a service behind a failed test: stopped by its own handler, it stops its FerretDB too.
      if (service !== undefined && alive(service)) {
        process.kill(service, 'SIGTERM');
        await until(() => !alive(service!), 10_000);
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('when SIGTERM arrives while a turn is waiting on Teams, then that turn finishes and is answered, a new request is turned away, and the process exits 0', async () => {
    const started = await startMain({
      root: ROOT,
      env: {
        MONGODB_URI: process.env.TEST_MONGODB_URI ?? '',
        MONGODB_DB: testDatabaseName('drain'),
        SERVICE_URL_ALLOWLIST: stub.url,
      },
    });
    const exit = exitOf(started.child);
    try {
      expect(await waitForReady(started.port)).toBe(200);
      const endpoint = `http://127.0.0.1:${started.port}/api/messages`;
      const person = makePerson('drain.person@region.example', 'Dragan Person');
      // Teams takes 2 s to take the reply: the turn is in flight when the signal comes.
      stub.delayNext(1, 2_000, { method: 'POST', pathIncludes: '/activities' });
      const inFlight = postActivity(endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }));
      await stub.waitFor(
        () => stub.requests().some((request) => request.method === 'POST' && request.path.includes('/activities')),
        10_000,
      );

      started.child.kill('SIGTERM');
      await until(() => started.output().includes('"msg":"shutting down"'), 5_000);
      const late = await postActivity(endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' })).catch(() => ({
        status: 0,
        body: null,
      }));

      expect((await inFlight).status).toBe(200);
      expect(JSON.stringify(adaptiveCards(stub.sent()[0]!.activity))).toContain('Utfall – så fungerar det');
      // Turned away while draining (503, so the Bot Connector retries), or refused once the server has closed.
      expect([503, 0]).toContain(late.status);
      expect(stub.sent()).toHaveLength(1);
      expect((await exit).code).toBe(0);
      expect(started.output()).toContain('"msg":"stopped"');
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  });
});
