import type { Config } from './config';
import type { Logger } from './logger';
import { createAdapter } from './bot/adapter';
import { createBotApp } from './bot/app';
import { startServer, type RunningServer } from './http/server';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './store/embedded-ferretdb';
import { connectMongo, type MongoConnection } from './store/mongo';
import type { BotDeps } from './bot/deps';
import type { Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { createPromptHandler } from './bot/prompt-sender';
import { Scheduler } from './scheduler/scheduler';
import { CollectService } from './services/collect-service';
import { dispatchJobs, drainJobs } from './services/job-runner';
import { Pacer } from './services/pacer';
import { PlanImporter } from './services/plan-importer';
import { JobRepository } from './store/job-repository';
import { Claims } from './store/claims';
import { createFanoutReporter } from './bot/fanout-report';
import { ResponseRepository } from './store/response-repository';
import { ConversationRepository } from './store/conversation-repository';
import { PeopleRepository } from './store/people-repository';
import { PlanRepository } from './store/plan-repository';
import { ChannelLinkRepository } from './store/channel-link-repository';
import { SummaryRepository } from './store/summary-repository';
import { SummaryService } from './services/summary-service';
import { ReminderService } from './services/reminder-service';
import { PlanCache } from './services/plan-cache';
import { DelegationRepository } from './store/delegation-repository';
import type { CollectEvents } from './services/collect-service';
import { createSummaryHandler } from './bot/summary-sender';
import { createReminderHandler } from './bot/reminder-sender';

export interface RunningService {
  server: RunningServer;
  mongo: MongoConnection;
  scheduler: Scheduler;
  deps: BotDeps;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** The clock; tests inject one to drive days and deadlines. */
  now?: () => Date;
  /** Start the scheduler's timer (tests call scheduler.tick themselves). */
  startScheduler?: boolean;
}

/**
 * Composition: database (MONGODB_URI, or the embedded FerretDB), bot, HTTP server.
 * The server listens first so /healthz answers and /readyz says 503 while the database is retried.
 */
export async function startService(config: Config, logger: Logger, options: ServiceOptions = {}): Promise<RunningService> {
  const now = options.now ?? (() => new Date());
  let mongo: MongoConnection | undefined;
  let embedded: EmbeddedFerretDb | undefined;
  let turnsAccepted = false;
  const adapter = createAdapter(config, logger);
  // Filled in once the database is connected; until then activities get 503 (acceptingTurns).
  const bot: { app?: ReturnType<typeof createBotApp>; scheduler?: Scheduler } = {};

  const server = await startServer({
    port: config.port,
    host: config.host,
    adapter,
    logger,
    authRequired: !config.authDisabled,
    runTurn: (context) => (bot.app ? bot.app.run(context) : Promise.reject(new Error('the bot is not ready'))),
    acceptingTurns: () => turnsAccepted,
    isReady: async () => (mongo ? mongo.ping() : false),
  });
  logger.info({ port: server.port, authDisabled: config.authDisabled }, 'listening');

  const stopServerAndDatabase = async () => {
    turnsAccepted = false;
    await server.stop();
    await bot.scheduler?.stop();
    await mongo?.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the database client failed'));
    await embedded?.stop();
  };

  try {
    let uri = config.mongo.uri;
    if (!uri) {
      embedded = await startEmbeddedFerretDb({
        binary: config.embedded.ferretdbBin,
        dataDir: config.embedded.dataDir,
        onLog: (line) => logger.debug({ ferretdb: line }, 'ferretdb'),
      });
      uri = embedded.uri;
      logger.info({ uri, dataDir: config.embedded.dataDir }, 'embedded FerretDB started');
    }
    mongo = await connectMongo({ uri, dbName: config.mongo.dbName, connectTimeoutMs: config.mongo.connectTimeoutMs, logger });
  } catch (error) {
    await stopServerAndDatabase();
    throw error;
  }
  const connection = mongo;
  const deps = createBotDeps(config, logger, connection.db, now, { kick: () => bot.scheduler?.kick() });
  const scheduler = createScheduler(adapter, deps, `${process.pid}-${randomUUID()}`);
  bot.scheduler = scheduler;
  bot.app = createBotApp(adapter, deps);
  turnsAccepted = true;
  if (options.startScheduler ?? true) scheduler.start(config.schedulerIntervalMs);
  return { server, mongo: connection, scheduler, deps, stop: stopServerAndDatabase };
}

export function createBotDeps(config: Config, logger: Logger, db: Db, now: () => Date, dispatcher: BotDeps['dispatcher']): BotDeps {
  const plans = new PlanRepository(db);
  const people = new PeopleRepository(db);
  const responses = new ResponseRepository(db);
  const jobs = new JobRepository(db);
  const claims = new Claims(db);
  const links = new ChannelLinkRepository(db);
  const delegations = new DelegationRepository(db);
  const cache = new PlanCache(plans, 2_000, delegations);
  const summaries = new SummaryService({ plans, responses, links, jobs, cache, now, updateIntervalMs: config.summaryUpdateIntervalMs });
  const reminders = new ReminderService({ plans, responses, jobs, claims, cache, now, timezone: config.timezone, daysBefore: config.reminderDaysBefore, coordinators: config.coordinators });
  return {
    config,
    logger,
    now,
    plans,
    people,
    conversations: new ConversationRepository(db),
    responses,
    jobs,
    importer: new PlanImporter(plans, { timezone: config.timezone, maxBytes: config.maxUploadBytes, organisation: config.organisation, now }),
    collect: new CollectService({ plans, responses, people, jobs, now, tolerance: config.assessmentTolerance, cache, events: summaryEvents(summaries, logger) }),
    claims,
    links,
    delegations,
    summaryMessages: new SummaryRepository(db),
    summaries,
    reminders,
    dispatcher,
  };
}

/**
 * Summaries follow the collect flow. A failure here is logged and never undoes or fails what
 * triggered it: the answer is stored, and the next answer (or the final summary) brings the card up to date.
 */
function summaryEvents(summaries: SummaryService, logger: Logger): CollectEvents {
  const guard = (what: string) => (error: unknown) => logger.warn({ err: error }, `could not schedule the summary after ${what}`);
  return {
    opened: (periods) => summaries.enqueueForPeriods(periods, 'post').then(() => undefined, guard('opening')),
    closed: (periods) => summaries.enqueueForPeriods(periods, 'final').then(() => undefined, guard('closing')),
    answered: (period) => summaries.noteAnswer(period).catch(guard('an answer')),
  };
}

/** The scheduler with its job runner: prompts go out through the adapter, paced under Teams' limits. */
function createScheduler(adapter: TeamsAdapter, deps: BotDeps, instanceId: string): Scheduler {
  const pacer = new Pacer(deps.config.sendRatePerSecond);
  const handle = dispatchJobs({
    prompt: createPromptHandler(adapter, deps),
    summary: createSummaryHandler(adapter, deps),
    reminder: createReminderHandler(adapter, deps),
  });
  const events = summaryEvents(deps.summaries, deps.logger);
  const drain = () =>
    drainJobs({ jobs: deps.jobs, handle, owner: instanceId, now: deps.now, pacer, concurrency: deps.config.sendConcurrency, leaseMs: 60_000, maxAttempts: 8, logger: deps.logger });
  return new Scheduler(
    {
      plans: deps.plans,
      collect: deps.collect,
      drain,
      periodsClosed: events.closed,
      remind: (now) => deps.reminders.tick(now),
      reportFanouts: createFanoutReporter(adapter, deps),
      timezone: deps.config.timezone,
      logger: deps.logger,
    },
    deps.now,
  );
}
