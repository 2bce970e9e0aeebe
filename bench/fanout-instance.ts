import { createInterface } from 'node:readline';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startService } from '../src/service';

/**
 * One service process of the two-instance fan-out bench: the real service on the bench's database
 * with its scheduler on its own timer (every SCHEDULER_INTERVAL_SECONDS), on the bench's fixed instant
 * (BENCH_NOW). Prints "ready" once listening, starts its scheduler on the line "go" (so that every
 * instance starts at once), stops on SIGTERM.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const instant = new Date(process.env.BENCH_NOW ?? Date.now());
  const service = await startService(config, createLogger(config.logLevel), { now: () => instant, startScheduler: false });
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'go') service.scheduler.start(config.schedulerIntervalMs);
  });
  process.stdout.write(`ready ${process.pid}\n`);
  process.once('SIGTERM', () => {
    service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
