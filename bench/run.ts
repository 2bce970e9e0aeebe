import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../src/store/embedded-ferretdb';
import { benchReport } from './report';

/**
 * `npm run bench`: figures on a synthetic region (SPEC §8). Sizes come from the environment so a
 * full-size run is one variable away: BENCH_INDICATORS (default 50 000; 10 000 on the embedded SQLite store), BENCH_FANOUT_OWNERS
 * (default 1 000; 10 000 is the full region and takes about 230 s at 45/s, twice: one instance, then two),
 * BENCH_CONCURRENT_OWNERS (default 200), BENCH_REPORT_GOALS (default 1 000, five indicators each).
 */
async function main(): Promise<void> {
  // The embedded SQLite store gets a fifth of the region by default: FerretDB 1.24 there scans a
  // collection for every lookup by _id, and the first summary of 50 000 indicators ran past 15 minutes.
  const indicators = Number(process.env.BENCH_INDICATORS ?? (process.env.MONGODB_URI ? 50_000 : 10_000));
  const fanoutOwners = Number(process.env.BENCH_FANOUT_OWNERS ?? 1_000);
  const concurrentOwners = Number(process.env.BENCH_CONCURRENT_OWNERS ?? 200);
  // BENCH_PARTS picks parts (report, import, summary — on the imported region —, fanout — with the
  // answers and the two-instance run), e.g. BENCH_PARTS=import,summary.
  const parts = new Set((process.env.BENCH_PARTS ?? 'report,import,summary,fanout').split(','));
  // First, while the process is small, so its RSS is the report's own: the other parts (the whole
  // service with botbuilder) are loaded only afterwards, since loading them adds about 100 MB.
  if (parts.has('report')) await benchReport(Number(process.env.BENCH_REPORT_GOALS ?? 1_000));
  const { benchImport } = await import('./import.js');
  const { benchFanout, benchFanoutInstances } = await import('./fanout.js');
  const { benchAnswers, benchSteadySaves } = await import('./answers.js');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-bench-'));
  let ferret: EmbeddedFerretDb | undefined;
  try {
    const uri =
      process.env.MONGODB_URI ?? (ferret = await startEmbeddedFerretDb({ binary: path.resolve('.tools/bin/ferretdb'), dataDir: temp })).uri;
    console.log(
      `database: ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded FerretDB 1.24 (SQLite)'}; machine: ${os.cpus().length} cores, node ${process.version}\n`,
    );
    if (parts.has('import') || parts.has('summary'))
      await benchImport(uri, indicators, { onSqlite: !process.env.MONGODB_URI, summary: parts.has('summary') });
    if (parts.has('fanout')) {
      const service = await benchFanout(uri, fanoutOwners);
      await benchAnswers(service, concurrentOwners);
      await benchSteadySaves(
        service,
        concurrentOwners,
        Number(process.env.BENCH_STEADY_RATE ?? 20),
        Number(process.env.BENCH_STEADY_SECONDS ?? 10),
      );
      await service.stop();
      await benchFanoutInstances(uri, fanoutOwners);
    }
  } finally {
    await ferret?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
