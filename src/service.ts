import type { Config } from './config';
import type { Logger } from './logger';
import { createAdapter } from './bot/adapter';
import { createBotApp } from './bot/app';
import type { BotDeps } from './bot/deps';
import { createTeamsMessenger } from './bot/teams-messenger';
import { startServer, type RunningServer } from './http/server';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './store/embedded-ferretdb';
import { connectMongo, type MongoConnection } from './store/mongo';
import type { Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { Scheduler } from './scheduler/scheduler';
import { CollectService, type CollectEvents } from './services/collect-service';
import { dispatchJobs, drainJobs } from './services/job-runner';
import { SharedPacer } from './services/shared-pacer';
import { SendSlotRepository } from './store/send-slot-repository';
import { PlanImporter } from './services/plan-importer';
import { JobRepository } from './store/job-repository';
import { Claims } from './store/claims';
import { ResponseRepository } from './store/response-repository';
import { ConversationRepository } from './store/conversation-repository';
import { PeopleRepository } from './store/people-repository';
import { PlanRepository } from './store/plan-repository';
import { ChannelLinkRepository } from './store/channel-link-repository';
import { SummaryRepository } from './store/summary-repository';
import { SummaryService } from './services/summary-service';
import { ReportService } from './services/report-service';
import { ReminderService } from './services/reminder-service';
import { PlanCache } from './services/plan-cache';
import { DelegationRepository } from './store/delegation-repository';
import { OpeningRepository } from './store/opening-repository';
import { IdentityService } from './services/identity-service';
import { InboxService } from './services/inbox-service';
import { PersonalChats } from './services/personal-chats';
import { OnboardingService } from './services/onboarding-service';
import { PeriodService } from './services/period-service';
import { ChannelService } from './services/channel-service';
import { DelegationService } from './services/delegation-service';
import { createPromptHandler } from './services/prompt-job';
import { createReminderHandler } from './services/reminder-job';
import { createSummaryHandler } from './services/summary-job';
import { createFanoutReporter } from './services/fanout-report';
import type { Messenger } from './services/messenger';
import { ReportDelivery } from './services/report-delivery';
import { SettingsRepository } from './store/settings-repository';
import { RollupRepository } from './store/rollup-repository';
import { summaryReaders, type RollupService } from './services/rollups';
import { HistoryRepository } from './store/history-repository';
import { AfterResponse } from './services/after-response';
import { AuditService } from './services/audit-service';
import { RetentionService } from './services/retention';
import type { ReportReply } from './http/report-route';

/** Report links before the database is connected: Teams' clients retry, a person gets a plain answer. */
const NOT_READY: ReportReply = { status: 503, contentType: 'text/plain; charset=utf-8', body: 'Utfall startar. Försök igen om en stund.' };

export interface RunningService {
  server: RunningServer;
  mongo: MongoConnection;
  scheduler: Scheduler;
  /** The use cases, as the bot's handlers get them. */
  deps: BotDeps;
  /** The stores, for what runs beside the bot (CLI, playground, tests, benchmarks). */
  repositories: Repositories;
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
  const bot: {
    app?: ReturnType<typeof createBotApp>;
    scheduler?: Scheduler;
    reportDelivery?: ReportDelivery;
    rollups?: RollupService;
    after?: AfterResponse;
  } = {};

  const server = await startServer({
    port: config.port,
    host: config.host,
    adapter,
    logger,
    authRequired: !config.authDisabled,
    allowedTenants: config.allowedTenants,
    runTurn: (context) => (bot.app ? bot.app.run(context) : Promise.reject(new Error('the bot is not ready'))),
    acceptingTurns: () => turnsAccepted,
    isReady: async () => (mongo ? mongo.ping() : false),
    serveReport: (token, format) => (bot.reportDelivery ? bot.reportDelivery.serve(token, format) : Promise.resolve(NOT_READY)),
  });
  logger.info({ port: server.port, authDisabled: config.authDisabled }, 'listening');

  const stopServerAndDatabase = async () => {
    turnsAccepted = false;
    // New requests get 503 at once; turns in flight (up to the server's grace) and jobs already claimed end side by side.
    await Promise.all([server.stop(), bot.scheduler?.stop()]);
    await bot.after?.settled();
    bot.rollups?.stop();
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
  const composed = composeServices(config, logger, connection.db, now, () => bot.scheduler?.kick());
  const scheduler = createScheduler(composed, createTeamsMessenger(adapter, config.bot.appId), `${process.pid}-${randomUUID()}`);
  bot.scheduler = scheduler;
  bot.app = createBotApp(adapter, composed.deps);
  bot.reportDelivery = composed.deps.reportDelivery;
  bot.rollups = composed.rollups;
  bot.after = composed.after;
  composed.after.run(async () => {
    const noted = await noteMarkedAnswers(composed.repositories, composed.deps);
    if (noted > 0) logger.info({ periods: noted }, 'scheduled the summaries of answers saved before a stop');
  });
  turnsAccepted = true;
  if (options.startScheduler ?? true) scheduler.start(config.schedulerIntervalMs);
  return { server, mongo: connection, scheduler, deps: composed.deps, repositories: composed.repositories, stop: stopServerAndDatabase };
}

/** Every store of the service, built once on one database. */
export interface Repositories {
  plans: PlanRepository;
  people: PeopleRepository;
  conversations: ConversationRepository;
  responses: ResponseRepository;
  jobs: JobRepository;
  claims: Claims;
  links: ChannelLinkRepository;
  delegations: DelegationRepository;
  summaryMessages: SummaryRepository;
  openings: OpeningRepository;
  settings: SettingsRepository;
  rollups: RollupRepository;
  history: HistoryRepository;
  sendSlots: SendSlotRepository;
}

interface Composed {
  config: Config;
  logger: Logger;
  now: () => Date;
  repositories: Repositories;
  deps: BotDeps;
  chats: PersonalChats;
  cache: PlanCache;
  rollups: RollupService;
  /** What runs after a turn has answered (see AfterResponse). */
  after: AfterResponse;
}

/** Repositories, then the use cases on them; `kick` asks the scheduler to send due jobs now. */
export function composeServices(config: Config, logger: Logger, db: Db, now: () => Date, kick: () => void): Composed {
  const repositories: Repositories = {
    plans: new PlanRepository(db),
    people: new PeopleRepository(db),
    conversations: new ConversationRepository(db),
    responses: new ResponseRepository(db),
    jobs: new JobRepository(db),
    sendSlots: new SendSlotRepository(db),
    claims: new Claims(db),
    links: new ChannelLinkRepository(db),
    delegations: new DelegationRepository(db),
    summaryMessages: new SummaryRepository(db),
    openings: new OpeningRepository(db),
    settings: new SettingsRepository(db),
    rollups: new RollupRepository(db),
    history: new HistoryRepository(db),
  };
  const { plans, people, conversations, responses, jobs, claims, links, delegations, openings } = repositories;
  const cache = new PlanCache(plans, 2_000, delegations);
  const readers = summaryReaders(plans, responses, repositories.rollups, (error) =>
    logger.warn({ err: error }, 'could not roll up answers for the summaries (the next summary does it)'),
  );
  const summaries = new SummaryService({
    plans,
    responses,
    links,
    jobs,
    people,
    cache,
    ...readers,
    now,
    updateIntervalMs: config.summaryUpdateIntervalMs,
  });
  const reminders = new ReminderService({
    plans,
    responses,
    jobs,
    claims,
    people,
    cache,
    now,
    timezone: config.timezone,
    daysBefore: config.reminderDaysBefore,
    coordinators: config.coordinators,
    kick,
  });
  const after = new AfterResponse((error) => logger.warn({ err: error }, 'work after a response failed'));
  const collect = new CollectService({
    plans,
    responses,
    people,
    jobs,
    now,
    tolerance: config.assessmentTolerance,
    cache,
    catalog: readers.catalog,
    events: summaryEvents(summaries, logger, after),
  });
  const reports = new ReportService({ summaries, plans, responses, cache, now, timezone: config.timezone });
  const identity = new IdentityService({
    people,
    conversations,
    coordinators: config.coordinators,
    now,
    identityCacheMs: config.identityCacheMs,
  });
  const deps: BotDeps = {
    config,
    logger,
    now,
    identity,
    onboarding: new OnboardingService({ identity, collect, kick }),
    collect,
    inbox: new InboxService({ collect, plans, cache, catalog: readers.catalog }),
    periods: new PeriodService({ collect, openings, reminders, summaries, plans, kick, now, timezone: config.timezone }),
    reminders,
    importer: new PlanImporter(plans, {
      timezone: config.timezone,
      maxBytes: config.maxUploadBytes,
      organisation: config.organisation,
      now,
    }),
    channels: new ChannelService({ plans, links, summaries, identity, language: config.language, kick, now }),
    summaries,
    delegation: new DelegationService({ plans, delegations, people, conversations, jobs, kick, now }),
    reports,
    reportDelivery: new ReportDelivery({
      settings: repositories.settings,
      configuredSecret: config.reports.linkSecret,
      lifetimeMs: config.reports.linkLifetimeMs,
      now,
      make: async (scope, format) => {
        const model = await reports.build(scope.units, { code: scope.code, year: scope.year });
        return model ? reports.render(model, format, scope.locale) : null;
      },
    }),
    audit: new AuditService({ plans, history: repositories.history }),
  };
  const chats = new PersonalChats({ people, conversations, language: config.language, now });
  return { config, logger, now, repositories, deps, chats, cache, rollups: readers.rollups, after };
}

/**
 * Summaries follow the collect flow. A failure here is logged and never undoes or fails what
 * triggered it: the answer is stored, and the next answer (or the final summary) brings the card up to date.
 */
function summaryEvents(summaries: SummaryService, logger: Logger, after?: AfterResponse): CollectEvents {
  const guard = (what: string) => (error: unknown) => logger.warn({ err: error }, `could not schedule the summary after ${what}`);
  return {
    opened: (periods) => summaries.enqueueForPeriods(periods, 'post').then(() => undefined, guard('opening')),
    closed: (periods) => summaries.enqueueForPeriods(periods, 'final').then(() => undefined, guard('closing')),
    // The owner does not wait for the channels' update: it is scheduled once the save has answered.
    // If the process dies before, the goal's roll-up marks (written with the answer) are still
    // pending at the next start, which schedules the update then (noteMarkedAnswers).
    answered: (period) => {
      if (!after) return summaries.noteAnswer(period).catch(guard('an answer'));
      after.run(() => summaries.noteAnswer(period).catch(guard('an answer')));
      return Promise.resolve();
    },
  };
}

/**
 * At start: answers whose roll-up marks are still pending may have been saved by a process that
 * stopped before it scheduled their channels' update; schedule it now (at most one update per
 * channel and slot, so a spare one costs nothing).
 */
async function noteMarkedAnswers(repositories: Repositories, deps: BotDeps): Promise<number> {
  const marks = await repositories.rollups.pendingMarks();
  const periods = new Set(marks.map((mark) => mark.period));
  let noted = 0;
  for (const id of periods) {
    const period = await repositories.plans.findPeriod(id);
    if (period?.state !== 'open') continue;
    await deps.summaries.noteAnswer(period);
    noted += 1;
  }
  return noted;
}

/** The scheduler with its job runner: prompts, reminders and summaries go out through the messenger, paced under Teams' limits. */
function createScheduler(composed: Composed, messenger: Messenger, instanceId: string): Scheduler {
  const { config, logger, now, repositories, deps, chats, cache } = composed;
  // One send budget for every instance on the database: SEND_RATE_PER_SECOND is the app's pace, however many run.
  const pacer = new SharedPacer({
    slots: repositories.sendSlots,
    owner: instanceId,
    ratePerSecond: config.sendRatePerSecond,
    logger,
  });
  const handle = dispatchJobs({
    prompt: createPromptHandler({ inbox: deps.inbox, chats, messenger }),
    summary: createSummaryHandler({ ...repositories, summaries: deps.summaries, chats, messenger, timezone: config.timezone, now }),
    reminder: createReminderHandler({ plans: repositories.plans, inbox: deps.inbox, reminders: deps.reminders, chats, messenger }),
  });
  const events = summaryEvents(deps.summaries, logger);
  const retention = new RetentionService({
    jobs: repositories.jobs,
    claims: repositories.claims,
    retentionMs: config.jobRetentionMs,
    logger,
  });
  // Jobs enqueued after a response (the summaries after a save) are in before the runner looks.
  const drain = async (signal: AbortSignal) => {
    await composed.after.settled();
    return drainJobs({
      jobs: repositories.jobs,
      handle,
      owner: instanceId,
      now,
      pacer,
      concurrency: config.sendConcurrency,
      leaseMs: config.jobLeaseMs,
      maxAttempts: 8,
      logger,
      signal,
    });
  };
  return new Scheduler(
    {
      plans: repositories.plans,
      collect: deps.collect,
      drain,
      periodsClosed: events.closed,
      remind: (at) => deps.reminders.tick(at),
      reportFanouts: createFanoutReporter({ ...repositories, cache, chats, messenger, now, leaseMs: config.jobLeaseMs }),
      cleanup: (at) => retention.clean(at),
      timezone: config.timezone,
      logger,
    },
    now,
  );
}
