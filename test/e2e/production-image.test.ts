import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson, messageActivity, postActivity } from '../support/activities';
import { exitOf, startMain, waitForReady, type Started } from '../support/main-process';
import { testDatabaseName } from '../support/mongo';

const ROOT = path.resolve(__dirname, '../..');
const DOCKERFILE = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

interface Stage {
  name: string;
  lines: string[];
}

/** The Dockerfile's stages, with continuation lines joined. */
function stages(dockerfile: string): Stage[] {
  const lines = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const out: Stage[] = [];
  for (const line of lines) {
    const from = /^FROM \S+ AS (\S+)$/i.exec(line);
    if (from) out.push({ name: from[1]!, lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

/**
 * Docker cannot run here (no daemon, no registry for base images), so the image is checked in two
 * ways: the Dockerfile's shape, and its runtime stage done by hand — the same `npm ci` into an
 * empty folder, the same files copied from the build — then started against the test database
 * and asked for help like Teams would. A runtime import of a dev dependency fails here.
 */
describe('the production image (Dockerfile)', () => {
  jest.setTimeout(240_000);
  const [build, runtime] = stages(DOCKERFILE);
  let dir: string;
  let stub: ConnectorStub;
  let started: Started | undefined;

  beforeAll(async () => {
    stub = await startConnectorStub();
    dir = mkdtempSync(path.join(os.tmpdir(), 'utfall-image-'));
  });
  afterAll(async () => {
    started?.child.kill('SIGKILL');
    await stub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when the Dockerfile is read, then it builds in one stage and runs only production dependencies in the other, as a non-root user', () => {
    expect([build?.name, runtime?.name]).toEqual(['build', 'runtime']);
    expect(runtime!.lines).toContainEqual(expect.stringMatching(/^RUN npm ci --omit=dev\b/));
    expect(runtime!.lines).toContain('USER node');
    expect(runtime!.lines.at(-1)).toBe('CMD ["node", "dist/src/main.js"]');
    expect(
      runtime!.lines.filter(
        (line) => line.startsWith('COPY ') && !line.startsWith('COPY --from=build') && !line.startsWith('COPY package'),
      ),
    ).toEqual([]);
  });

  test('when its runtime stage is done by hand, then the service starts on the production install and answers a Teams message', async () => {
    cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    cpSync(path.join(ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
    const install = runtime!.lines
      .find((line) => line.startsWith('RUN npm ci'))!
      .slice('RUN '.length)
      .split(' && ')[0]!
      .split(' ');
    await promisify(execFile)(install[0]!, install.slice(1), { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    for (const line of runtime!.lines.filter((l) => l.startsWith('COPY --from=build '))) {
      const [, from, to] = /^COPY --from=build \/app\/(\S+) \.\/(\S+)$/.exec(line) ?? [];
      cpSync(path.join(ROOT, from!), path.join(dir, to!), { recursive: true });
    }

    started = await startMain({
      root: dir,
      env: { MONGODB_URI: process.env.TEST_MONGODB_URI ?? '', MONGODB_DB: testDatabaseName('image'), NODE_ENV: 'production' },
    });
    expect(await waitForReady(started.port)).toBe(200);
    const person = makePerson('anna.berg@region.example', 'Anna Berg');
    await postActivity(`http://127.0.0.1:${started.port}/api/messages`, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }));
    const [sent] = await stub.waitForActivities(1, 10_000);
    expect(JSON.stringify(adaptiveCards(sent!.activity)[0])).toContain('Utfall – så fungerar det');

    const exit = exitOf(started.child);
    started.child.kill('SIGTERM');
    expect((await exit).code).toBe(0);
  });
});
