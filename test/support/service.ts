import { parseConfig, secretsOf, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService, type RunningService, type ServiceOptions } from '../../src/service';
import { testDatabaseName } from './mongo';

/** The connector stub's and the Agents Playground's addresses: any loopback port. */
export const LOCAL_SERVICE_URLS = 'http://127.0.0.1:*/,http://localhost:*/';

export interface TestService {
  service: RunningService;
  config: Config;
  /** http://127.0.0.1:PORT/api/messages */
  endpoint: string;
  /** Every log line the service wrote (JSON), when started with `captureLogs`; empty otherwise. */
  logs(): string[];
  stop(): Promise<void>;
}

/**
 * The real service, composed exactly as main.ts does, on port 0 against the run's database
 * (its own database name), with no app credentials unless the test passes them.
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: ServiceOptions = { startScheduler: false },
  testOptions: { captureLogs?: boolean } = {},
): Promise<TestService> {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: the jest globalSetup did not start a database.');
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: uri,
    MONGODB_DB: testDatabaseName('e2e'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_CONNECT_TIMEOUT_SECONDS: '10',
    // Tests talk to a connector stub on a loopback port; SERVICE_URL_ALLOWLIST keeps only Teams' hosts otherwise.
    SERVICE_URL_ALLOWLIST: LOCAL_SERVICE_URLS,
    ...env,
  });
  const lines: string[] = [];
  // Captured logs are written at debug level, so that a test sees every line the service could write.
  const logger = testOptions.captureLogs
    ? createLogger('debug', { destination: { write: (line: string) => void lines.push(line) }, secrets: secretsOf(config) })
    : createLogger(config.logLevel, { secrets: secretsOf(config) });
  const service = await startService(config, logger, options);
  return {
    service,
    config,
    endpoint: `${service.server.url}/api/messages`,
    logs: () => [...lines],
    async stop() {
      await service.mongo.db.dropDatabase().catch(() => undefined);
      await service.stop();
    },
  };
}
