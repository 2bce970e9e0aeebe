import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, secretsOf, type Config } from './config';
import { resolveLocale } from './i18n/locale';
import { createLogger } from './logger';
import { PlanImporter } from './services/plan-importer';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './store/embedded-ferretdb';
import { connectMongo, type MongoConnection } from './store/mongo';
import { PlanRepository } from './store/plan-repository';
import { importReportText, importReportView } from './views/import-report-view';

type Db = MongoConnection['db'];

const USAGE = `Användning: npm run cli -- import <plan.json|plan.xlsx|plan.csv> [--perioder <perioder.csv>] [--lang en]`;

type Values = { perioder?: string; periods?: string; lang?: string };

/** One CLI command: its arguments after the command word, the parsed options, the database. Returns the exit code. */
type CliCommand = (args: string[], values: Values, context: { config: Config; db: () => Promise<Db> }) => Promise<number>;

const COMMANDS = new Map<string, CliCommand>([
  ['import', importPlan],
  ['importera', importPlan],
]);

/** `npm run cli -- <command> …`: 64 with the usage for a wrong command line, 1 on failure, otherwise the command's code. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { perioder: { type: 'string' }, periods: { type: 'string' }, lang: { type: 'string' } },
  });
  const [name, ...args] = positionals;
  const command = name === undefined ? undefined : COMMANDS.get(name);
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { secrets: secretsOf(config) });
  let embedded: EmbeddedFerretDb | undefined;
  let close: (() => Promise<void>) | undefined;
  // Connected on first use, so that a wrong command line never starts a database.
  const db = async () => {
    const uri =
      config.mongo.uri ??
      (embedded = await startEmbeddedFerretDb({ binary: config.embedded.ferretdbBin, dataDir: config.embedded.dataDir })).uri;
    const mongo = await connectMongo({ uri, dbName: config.mongo.dbName, connectTimeoutMs: config.mongo.connectTimeoutMs, logger });
    close = () => mongo.close();
    return mongo.db;
  };
  try {
    return await command(args, values, { config, db });
  } finally {
    await close?.();
    await embedded?.stop();
  }
}

/** `import <file> [--perioder <file>]`: exit 0 with a summary, 2 with every problem listed (nothing written). */
async function importPlan(args: string[], values: Values, { config, db }: { config: Config; db: () => Promise<Db> }): Promise<number> {
  const [file] = args;
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const locale = resolveLocale(values.lang ?? process.env.LANG);
  const periodsPath = values.perioder ?? values.periods;
  const importer = new PlanImporter(new PlanRepository(await db()), {
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
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
