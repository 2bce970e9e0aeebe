import { z } from 'zod';
import { parseServiceUrlPattern, TEAMS_SERVICE_URLS, type ServiceUrlPattern } from './domain/service-url';

const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  BOT_ID: z.string().default(''),
  BOT_PASSWORD: z.string().default(''),
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  BOT_TENANT_ID: z.string().default(''),
  BOT_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).optional(),
  BOT_EMULATOR_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only (at most 63)')
    .default('utfall'),
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  DATA_DIR: z.string().min(1).default('./data'),
  FERRETDB_BIN: z.string().min(1).default('.tools/bin/ferretdb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UTFALL_COORDINATORS: commaList,
  ALLOWED_TENANTS: commaList,
  TIMEZONE: z.string().min(1).default('Europe/Stockholm'),
  UTFALL_LANGUAGE: z.enum(['auto', 'sv', 'en']).default('auto'),
  ORGANISATION_NAME: z.string().trim().min(1).max(200).default('Organisationen'),
  ASSESSMENT_TOLERANCE: z.coerce.number().min(0).max(1).default(0.05),
  SEND_RATE_PER_SECOND: z.coerce.number().positive().max(50).default(45),
  SEND_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(24),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  SUMMARY_UPDATE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(30),
  JOB_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(180),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(20),
  CONNECTOR_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),
  INVOKE_DEADLINE_SECONDS: z.coerce.number().min(0.5).max(60).default(4),
  IDENTITY_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  SERVICE_URL_ALLOWLIST: z
    .string()
    .default(TEAMS_SERVICE_URLS.join(','))
    .transform((value, context) => {
      const patterns: ServiceUrlPattern[] = [];
      for (const entry of value.split(',').map((item) => item.trim())) {
        if (entry === '') continue;
        const pattern = parseServiceUrlPattern(entry);
        if (pattern) patterns.push(pattern);
        else context.addIssue({ code: 'custom', message: `"${entry.slice(0, 100)}" is not scheme://host[:port][/path]` });
      }
      return patterns;
    }),
  REPORT_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  REPORT_LINK_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 90)
    .default(24),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  REMINDER_DAYS_BEFORE: z
    .string()
    .default('7,2,0')
    .refine(
      (value) => value.split(',').every((part) => /^\s*\d{1,2}\s*$/.test(part)),
      'comma-separated working days before the deadline, e.g. 7,2,0',
    )
    .transform((value) => [...new Set(value.split(',').map((part) => Number(part.trim())))]),
});

export type Config = ReturnType<typeof parseConfig>;

/** Every environment variable the service reads (deployment templates are checked against it). */
export const ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/**
 * Validates the environment once and maps it to a typed, camelCased config.
 * Throws one Error that lists every problem, so an operator fixes them all in one go.
 */
export function parseConfig(env: Record<string, string | undefined>) {
  const result = EnvSchema.safeParse(emptyToUndefined(env));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  if (e.BOT_ID !== '' && e.BOT_PASSWORD === '' && e.BOT_TYPE !== 'UserAssignedMSI') {
    throw new Error('Invalid configuration:\n  - BOT_PASSWORD: required when BOT_ID is set');
  }
  if (e.BOT_TYPE === 'UserAssignedMSI' && e.BOT_PASSWORD !== '') {
    throw new Error(
      'Invalid configuration:\n  - BOT_PASSWORD: must be empty when BOT_TYPE is UserAssignedMSI (the managed identity has no secret)',
    );
  }
  if (e.JOB_LEASE_SECONDS <= e.CONNECTOR_TIMEOUT_SECONDS) {
    throw new Error(
      'Invalid configuration:\n  - JOB_LEASE_SECONDS: must be longer than CONNECTOR_TIMEOUT_SECONDS, or a slow send could be taken up twice',
    );
  }
  if (e.BOT_TYPE !== 'MultiTenant' && e.BOT_ID !== '' && e.BOT_TENANT_ID === '') {
    throw new Error(`Invalid configuration:\n  - BOT_TENANT_ID: required when BOT_TYPE is ${e.BOT_TYPE}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    bot: {
      appId: e.BOT_ID,
      appPassword: e.BOT_PASSWORD,
      appType: e.BOT_TYPE,
      tenantId: e.BOT_TENANT_ID,
      /** Where the Bot Framework's signing keys are published; empty means botbuilder's public-cloud defaults. */
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL ?? null,
      emulatorOpenIdMetadataUrl: e.BOT_EMULATOR_OPENID_METADATA_URL ?? null,
    },
    authDisabled: e.BOT_ID === '',
    mongo: { uri: e.MONGODB_URI, dbName: e.MONGODB_DB, connectTimeoutMs: e.DB_CONNECT_TIMEOUT_SECONDS * 1000 },
    embedded: { dataDir: e.DATA_DIR, ferretdbBin: e.FERRETDB_BIN },
    logLevel: e.LOG_LEVEL,
    coordinators: e.UTFALL_COORDINATORS.map((address) => address.toLowerCase()),
    // One deployment serves one organisation: without ALLOWED_TENANTS, a single-tenant bot serves its own tenant only.
    allowedTenants: e.ALLOWED_TENANTS.length > 0 ? e.ALLOWED_TENANTS : e.BOT_ID !== '' && e.BOT_TENANT_ID !== '' ? [e.BOT_TENANT_ID] : [],
    timezone: e.TIMEZONE,
    /** 'auto' follows each person's Teams locale; 'sv' or 'en' uses that language for everyone. */
    language: e.UTFALL_LANGUAGE,
    organisation: e.ORGANISATION_NAME,
    assessmentTolerance: e.ASSESSMENT_TOLERANCE,
    sendRatePerSecond: e.SEND_RATE_PER_SECOND,
    sendConcurrency: e.SEND_CONCURRENCY,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    summaryUpdateIntervalMs: e.SUMMARY_UPDATE_INTERVAL_SECONDS * 1000,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
    /** Finished jobs (and their attempt claims) older than this are deleted by the scheduler's cleanup. */
    jobRetentionMs: e.JOB_RETENTION_DAYS * 86_400_000,
    /** How long a claimed job (or a fan-out report being sent) is held; after a crash another instance or a restart takes it up then. */
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    /** The whole of one call to Teams (the Bot Connector), its retries included; a refused connection fails at once. */
    connectorTimeoutMs: Math.round(e.CONNECTOR_TIMEOUT_SECONDS * 1000),
    /** A card action (a save) not done by then is answered with a "försök igen" card; Teams gives up after about 5 s. */
    invokeDeadlineMs: Math.round(e.INVOKE_DEADLINE_SECONDS * 1000),
    /** A person found by Entra object id is answered from memory this long (renewed at once by this instance's own changes). */
    identityCacheMs: Math.round(e.IDENTITY_CACHE_SECONDS * 1000),
    /** Without BOT_ID, a conversation reference is kept only from an activity whose serviceUrl one of these allows. */
    serviceUrlAllowlist: e.SERVICE_URL_ALLOWLIST,
    reminderDaysBefore: e.REMINDER_DAYS_BEFORE,
    reports: {
      /** Empty: the service makes a secret once and keeps it in the database (links survive restarts, work on every instance). */
      linkSecret: e.REPORT_LINK_SECRET ?? null,
      linkLifetimeMs: Math.round(e.REPORT_LINK_HOURS * 3600_000),
      /** Where people reach this service (https://<app>.azurewebsites.net); empty: the Host of the request that asked. */
      publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
    },
  };
}

/**
 * Configuration values that must never appear in a log line or a message: the bot's password and
 * the password inside a connection string. The logger scrubs every occurrence of each.
 */
export function secretsOf(config: Config): string[] {
  const secrets = [config.bot.appPassword, config.reports.linkSecret ?? ''];
  if (config.mongo.uri) {
    const userInfo = /^mongodb(?:\+srv)?:\/\/([^@/]*)@/.exec(config.mongo.uri)?.[1];
    const password = userInfo?.split(':').slice(1).join(':');
    if (password) secrets.push(password, safeDecode(password));
  }
  return [...new Set(secrets.filter((secret) => secret.length >= 4))];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** App Service and shells set variables to '' to "unset" them; treat that as absent so defaults apply. */
function emptyToUndefined(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    out[key] = value === '' ? undefined : value;
  }
  return out;
}
