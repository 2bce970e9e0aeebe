import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../src/store/embedded-ferretdb';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

const ROOT = path.resolve(__dirname, '../..');
const PERIOD = 'RS-2026/DÅ04';

/**
 * The service on its own FerretDB, which the test stops: what Teams and a load balancer see while
 * the database is gone. Bounds are generous: Teams' own 5 s for an invoke, 4 s for a probe meant to answer in 2.
 */
describe('while the database is down', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let database: EmbeddedFerretDb;
  let dataDir: string;
  const now = new Date('2026-05-04T08:00:00Z');
  let anna: TeamsUser;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'utfall-outage-'));
    database = await startEmbeddedFerretDb({ binary: path.join(ROOT, '.tools/bin/ferretdb'), dataDir });
    stub = await startConnectorStub();
    bot = await startTestService({ MONGODB_URI: database.uri }, { now: () => now, startScheduler: false }, { captureLogs: true });
    anna = new TeamsUser(makePerson('anna.berg@region.example', 'Anna Berg'), stub, bot.endpoint);
    stub.addPerson(anna.person);
    await anna.install();
    const imported = await bot.service.deps.importer.importFile({
      fileName: 'exempel-plan.json',
      bytes: readFixture(PLAN_FIXTURES.exempel),
    });
    expect(imported.ok).toBe(true);
    await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor('DÅ04', null, ['draft']));
  });
  afterAll(async () => {
    await bot?.service.stop();
    await stub?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('when the owner saves after the database stopped, then Teams gets a "försök igen" card in time and /readyz says 503 within 2 s', async () => {
    const form = await anna.invoke('goal.open', { period: PERIOD, goal: 'RS-G7' });
    expect(await fetch(`${bot.service.server.url}/readyz`).then((response) => response.status)).toBe(200);

    await database.stop();

    const started = Date.now();
    const saved = await anna.click(form, 'Spara', { 'RS-G7-I1.outcome': '4,5 %' });
    // Teams gives an invoke about 5 s; the answer comes at INVOKE_DEADLINE_SECONDS (4) at the latest.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(cardText(saved)).toContain('Försök igen om en stund');
    expect(cardText(saved)).toContain('kunde inte nå sin databas');

    const ready = await fetch(`${bot.service.server.url}/readyz`, { signal: AbortSignal.timeout(4_000) });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready' });
    // The process is still there and answers what needs no database.
    expect((await fetch(`${bot.service.server.url}/healthz`)).status).toBe(200);
  });
});
