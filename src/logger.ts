import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout (App Service and Container Apps collect stdout). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'utfall' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['*.password', '*.appPassword', 'authorization', '*.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
