import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, secretsOf } from './config';
import { resolveLocale } from './i18n/locale';
import { createLogger } from './logger';
import { PlanImporter } from './services/plan-importer';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './store/embedded-ferretdb';
import { connectMongo, type MongoConnection } from './store/mongo';
import { PlanRepository } from './store/plan-repository';
import { importReportText, importReportView } from './views/import-report-view';
import { rebuildSummaries } from './cli-commands/rebuild-summaries';

const USAGE = `Användning: npm run cli -- import <plan.json|plan.xlsx|plan.csv> [--perioder <perioder.csv>] [--lang en]
       npm run cli -- rebuild-summaries`;

/** `npm run cli -- import <file>`: exit 0 with a summary, 2 with every problem listed (nothing written), 1 on failure. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { perioder: { type: 'string' }, periods: { type: 'string' }, lang: { type: 'string' } },
  });
  const [command, file] = positionals;
  if (command === 'rebuild-summaries') return withDatabase(rebuildSummaries);
  if (command !== 'import' && command !== 'importera') {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const config = parseConfig(process.env);
  const locale = resolveLocale(values.lang ?? process.env.LANG);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { secrets: secretsOf(config) });
  const periodsPath = values.perioder ?? values.periods;

  let embedded: EmbeddedFerretDb | undefined;
  const uri =
    config.mongo.uri ??
    (embedded = await startEmbeddedFerretDb({ binary: config.embedded.ferretdbBin, dataDir: config.embedded.dataDir })).uri;
  const mongo = await connectMongo({ uri, dbName: config.mongo.dbName, connectTimeoutMs: config.mongo.connectTimeoutMs, logger });
  try {
    const importer = new PlanImporter(new PlanRepository(mongo.db), {
      timezone: config.timezone,
      maxBytes: config.maxUploadBytes,
      organisation: config.organisation,
      now: () => new Date(),
    });
    const outcome = await importer.importFile(
      { fileName: path.basename(file), bytes: await readFile(file) },
      periodsPath ? { fileName: path.basename(periodsPath), bytes: await readFile(periodsPath) } : undefined,
    );
    const text = importReportText(importReportView(outcome, path.basename(file), locale));
    (outcome.ok ? process.stdout : process.stderr).write(`${text}\n`);
    return outcome.ok ? 0 : 2;
  } finally {
    await mongo.close();
    await embedded?.stop();
  }
}

/** Runs one command against the configured database (or the embedded one), printing what it returns. */
async function withDatabase(run: (connection: MongoConnection) => Promise<string>): Promise<number> {
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { secrets: secretsOf(config) });
  let embedded: EmbeddedFerretDb | undefined;
  const uri =
    config.mongo.uri ??
    (embedded = await startEmbeddedFerretDb({ binary: config.embedded.ferretdbBin, dataDir: config.embedded.dataDir })).uri;
  const mongo = await connectMongo({ uri, dbName: config.mongo.dbName, connectTimeoutMs: config.mongo.connectTimeoutMs, logger });
  try {
    process.stdout.write(`${await run(mongo)}\n`);
    return 0;
  } finally {
    await mongo.close();
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
