import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Where lines go; stdout by default. */
  destination?: pino.DestinationStream;
  /** Exact values (passwords, connection-string passwords) replaced wherever they occur in a line. */
  secrets?: readonly string[];
}

const CENSOR = '[redacted]';

/**
 * Paths that may hold a secret or a token whatever its value: the bot's settings object as botbuilder
 * keeps it, request headers, and configuration passed in whole.
 */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'appPassword',
  '*.appPassword',
  '*.*.appPassword',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  '*.*.MicrosoftAppPassword',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'connectionString',
  '*.connectionString',
];

/** Structured JSON logs on stdout (App Service and Container Apps collect stdout). */
export function createLogger(level: string, options: LoggerOptions | pino.DestinationStream = {}): Logger {
  const { destination, secrets = [] } = 'write' in options ? { destination: options } : options;
  const scrub = secretScrubber(secrets);
  return pino(
    {
      level,
      base: { service: 'utfall' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      // Paths cannot catch a secret inside an error message or a URL; the finished line is scrubbed too.
      hooks: scrub ? { streamWrite: scrub } : {},
    },
    destination,
  );
}

/** Replaces every occurrence of each secret (and its JSON-escaped form) in a finished log line. */
function secretScrubber(secrets: readonly string[]): ((line: string) => string) | undefined {
  const needles = [
    ...new Set(secrets.filter((secret) => secret.length > 0).flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])),
  ];
  if (needles.length === 0) return undefined;
  return (line) => needles.reduce((text, needle) => (text.includes(needle) ? text.split(needle).join(CENSOR) : text), line);
}
