import { parseConfig, secretsOf, type Config } from './config';
import { createLogger } from './logger';
import { startService, type RunningService } from './service';

/** How long the whole drain may take before the process stops anyway (platforms send SIGKILL at about 10 s). */
const HARD_STOP_MS = 9_500;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel, { secrets: secretsOf(config) });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });

  // Listened for before the service starts: a signal during start-up (while the database is retried,
  // or the embedded FerretDB is starting) stops what has started instead of killing the process with it.
  let stopping = false;
  let starting: Promise<RunningService | null> = Promise.resolve(null);
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown did not finish in time; stopping anyway');
      process.exit(1);
    }, HARD_STOP_MS).unref();
    starting
      .then((service) => service?.stop())
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  starting = startService(config, logger).catch((error: unknown) => {
    if (stopping) return null; // start-up gave up because we are stopping; shutdown() exits
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  });
}

void main();
