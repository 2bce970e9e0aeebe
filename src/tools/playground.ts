import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseConfig, secretsOf } from '../config';
import { createLogger } from '../logger';
import { startService } from '../service';
import { startPlaygroundClient } from './playground/client';
import { importDemoPlan, seedDemoAnswers } from './playground/demo';
import { DEMO_CURRENT_USER } from './playground/demo-people';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DATA_DIR = path.join(ROOT, 'data', 'playground');
const PLAYGROUND_PORT = 56150;
const BOT_PORT = 3978;

/**
 * npm run playground: the bot on its own embedded database (reset on every start) with a demo plan
 * whose DÅ08 is open today, and the Microsoft 365 Agents Playground in front of it. Opening the page
 * installs the app for Anna Lind, coordinator and goal owner, who then gets her inbox card.
 */
async function main(): Promise<void> {
  const config = parseConfig({
    ...process.env,
    PORT: process.env.PORT ?? String(BOT_PORT),
    HOST: '127.0.0.1',
    // The playground sends no tokens; with app credentials every request would get 401.
    BOT_ID: '',
    BOT_PASSWORD: '',
    MONGODB_URI: '',
    DATA_DIR,
    UTFALL_COORDINATORS: DEMO_CURRENT_USER.email,
    ORGANISATION_NAME: 'Region Exempel',
    SCHEDULER_INTERVAL_SECONDS: '2',
    SUMMARY_UPDATE_INTERVAL_SECONDS: '5',
    // The playground's Teams says en-US to everyone; the demo shows the product as a Swedish region uses it.
    UTFALL_LANGUAGE: process.env.UTFALL_LANGUAGE ?? 'sv',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    // The playground is the Bot Connector here, on a loopback port.
    SERVICE_URL_ALLOWLIST: process.env.SERVICE_URL_ALLOWLIST ?? 'http://localhost:*/,http://127.0.0.1:*/',
  });
  const logger = createLogger(config.logLevel, { secrets: secretsOf(config) });
  // Before wiping the demo database: a playground already running on this port is using it.
  await assertPortFree(config.port, config.host);
  await rm(DATA_DIR, { recursive: true, force: true });
  const service = await startService(config, logger);
  const { year } = await importDemoPlan(service.deps.importer, new Date(), config.timezone);
  await seedDemoAnswers(service.repositories.responses, year, new Date());
  service.scheduler.kick();

  const client = await startPlaygroundClient({
    botEndpoint: `${service.server.url}/api/messages`,
    port: Number(process.env.PLAYGROUND_PORT ?? PLAYGROUND_PORT),
    configDir: path.join(ROOT, 'playground'),
    env: process.env,
  }).catch(async (error: unknown) => {
    await service.stop();
    throw error;
  });
  process.stdout.write(
    [
      '',
      `  Utfall körs på ${service.server.url}/api/messages med en demoplan (DÅ08 är öppen).`,
      `  Öppna ${client.url} i webbläsaren: du är ${DEMO_CURRENT_USER.name}, samordnare och målägare.`,
      '  Skriv "hjälp", eller öppna inkorgskortet och fyll i ett mål. I kanalen Ledningsgrupp: "@Utfall koppla RS".',
      '  Ctrl+C stoppar båda. Databasen börjar om vid varje start.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 9_500).unref();
    void Promise.allSettled([client.stop(), service.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const busy = /EADDRINUSE.*:(\d+)/.exec(message);
  process.stderr.write(
    busy
      ? `Port ${busy[1]} används redan (kör du redan npm start eller npm run playground?). Stoppa den, eller välj en annan port: PORT=3979 npm run playground\n`
      : `${message}\n`,
  );
  process.exit(1);
});
