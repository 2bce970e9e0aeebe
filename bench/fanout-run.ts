import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../src/store/embedded-ferretdb';
import { benchFanout, benchFanoutInstances } from './fanout';

/**
 * `npm run bench:fanout`: only the fan-out figures of `npm run bench` (MONGODB_URI, or the embedded
 * FerretDB; BENCH_FANOUT_OWNERS, default 1 000): one instance, then two service processes on one database.
 */
async function main(): Promise<void> {
  const owners = Number(process.env.BENCH_FANOUT_OWNERS ?? 1_000);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'utfall-bench-'));
  let ferret: EmbeddedFerretDb | undefined;
  try {
    const uri =
      process.env.MONGODB_URI ?? (ferret = await startEmbeddedFerretDb({ binary: path.resolve('.tools/bin/ferretdb'), dataDir: temp })).uri;
    console.log(
      `database: ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded FerretDB 1.24 (SQLite)'}; machine: ${os.cpus().length} cores\n`,
    );
    const single = await benchFanout(uri, owners);
    await single.stop();
    await benchFanoutInstances(uri, owners);
  } finally {
    await ferret?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
