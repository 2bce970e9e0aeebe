import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseConfig, secretsOf, type Config } from './config';
import { resolveLocale } from './i18n/locale';
import { createLogger } from './logger';
import { PlanImporter } from './services/plan-importer';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './store/embedded-ferretdb';
import { connectMongo, type MongoConnection } from './store/mongo';
import { PlanRepository } from './store/plan-repository';
import { restoreBackupFile, writeBackupFile } from './store/backup';
import { PersonalDataRepository, personalDataJson } from './store/personal-data-repository';
import { importReportText, importReportView } from './views/import-report-view';
import { rebuildSummaries } from './cli-commands/rebuild-summaries';

type Db = MongoConnection['db'];

const USAGE = [
  'Användning:',
  '  npm run cli -- import <plan.json|plan.xlsx|plan.csv> [--perioder <perioder.csv>] [--lang en]',
  '  npm run cli -- export <fil>            hela databasen som säkerhetskopia (JSON Lines)',
  '  npm run cli -- import-backup <fil>     återställer en säkerhetskopia till en tom databas',
  '  npm run cli -- person export <e-post> [--out <fil>]   allt som är lagrat om en person, som JSON',
  '  npm run cli -- person erase <e-post>   tar bort personens Teams-id:n, konversationer, identitetskopplingar och väntande utskick',
  '  npm run cli -- rebuild-summaries       bygger sammanfattningarnas delsummor på nytt från svaren',
].join('\n');

type Values = { perioder?: string; periods?: string; lang?: string; out?: string };

/** One CLI command: its arguments after the command word, the parsed options, the database. Returns the exit code. */
type CliCommand = (args: string[], values: Values, context: { config: Config; db: () => Promise<Db> }) => Promise<number>;

const COMMANDS = new Map<string, CliCommand>([
  ['import', importPlan],
  ['importera', importPlan],
  ['export', exportBackup],
  ['import-backup', importBackup],
  ['person', person],
  ['rebuild-summaries', rebuild],
]);

/** `npm run cli -- <command> …`: 64 with the usage for a wrong command line, 1 on failure, otherwise the command's code. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { perioder: { type: 'string' }, periods: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
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
  if (!file) return usage();
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

/** `export <file>`: the whole database as a versioned JSON Lines file; exit 0 with the counts. */
async function exportBackup(args: string[], _values: Values, { db }: { db: () => Promise<Db> }): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) return usage();
  const started = Date.now();
  const summary = await writeBackupFile(await db(), file, new Date());
  process.stdout.write(
    `Säkerhetskopian är skriven till ${file}: ${summary.documents} dokument på ${seconds(started)} s (${countsText(summary.counts)}).\n`,
  );
  return 0;
}

/** `import-backup <file>`: restores into an empty database; 2 (nothing written) when it is not empty or the file is not whole. */
async function importBackup(args: string[], _values: Values, { config, db }: { config: Config; db: () => Promise<Db> }): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) return usage();
  const started = Date.now();
  const outcome = await restoreBackupFile(await db(), file);
  switch (outcome.status) {
    case 'restored':
      process.stdout.write(
        `Säkerhetskopian från ${outcome.header.createdAt} är återställd till databasen ”${config.mongo.dbName}”: ` +
          `${outcome.documents} dokument på ${seconds(started)} s (${countsText(outcome.counts)}).\n`,
      );
      return 0;
    case 'not_empty':
      process.stderr.write(
        `Databasen ”${config.mongo.dbName}” är inte tom (${outcome.collections.map((c) => `${c.name} ${c.documents}`).join(', ')}). ` +
          'En säkerhetskopia återställs bara till en tom databas: välj en ny med MONGODB_DB, eller töm den först. Inget skrevs.\n',
      );
      return 2;
    case 'invalid':
      process.stderr.write(`${file} är ingen hel säkerhetskopia som kan läsas: rad ${outcome.line}: ${outcome.problem}. Inget skrevs.\n`);
      return 2;
  }
}

/**
 * `person export <e-post> [--out <fil>]`: everything stored about the person as JSON.
 * `person erase <e-post>`: removes what only serves to reach them in Teams; answers and history stay as records.
 */
async function person(args: string[], values: Values, { db }: { db: () => Promise<Db> }): Promise<number> {
  const [action, address, ...extra] = args;
  const email = z.email().safeParse(address?.trim());
  if ((action !== 'export' && action !== 'erase') || !email.success || extra.length > 0) return usage();
  const repository = new PersonalDataRepository(await db());
  if (action === 'export') {
    const data = await repository.export(email.data);
    const json = `${personalDataJson(data)}\n`;
    const found = Object.values(data).reduce((sum, documents) => sum + documents.length, 0);
    if (values.out) {
      await writeFile(values.out, json, { encoding: 'utf8', mode: 0o600 });
      process.stderr.write(`${found} dokument om ${email.data} är skrivna till ${values.out}.\n`);
    } else process.stdout.write(json);
    return 0;
  }
  const erased = await repository.erase(email.data, new Date());
  process.stdout.write(
    `${email.data}: ${erased.person ? 'Teams-id, namn och språk är borttagna ur persondokumentet' : 'inget persondokument'}; ` +
      `${erased.identities} identitetskopplingar, ${erased.conversations} konversationsreferenser, ` +
      `${erased.pendingJobs} väntande utskick och ${erased.claims} hälsningsmarkeringar borttagna. ` +
      'Svar, historik, delegeringar och planernas ägaruppgifter finns kvar som allmänna handlingar.\n',
  );
  return 0;
}

/** `rebuild-summaries`: every period's summary roll-ups built again from the answers. */
async function rebuild(args: string[], _values: Values, { db }: { db: () => Promise<Db> }): Promise<number> {
  if (args.length > 0) return usage();
  process.stdout.write(`${await rebuildSummaries({ db: await db() })}\n`);
  return 0;
}

function usage(): number {
  process.stderr.write(`${USAGE}\n`);
  return 64;
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1).replace('.', ',');
}

function countsText(counts: Partial<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
