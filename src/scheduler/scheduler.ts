import type { Period } from '../domain/plan';
import { calendarDate } from '../domain/time';
import type { ReminderTickReport } from '../services/reminder-service';
import type { Logger } from '../logger';
import type { CollectService } from '../services/collect-service';
import type { DrainReport } from '../services/job-runner';
import type { PlanRepository } from '../store/plan-repository';
import type { CleanupReport } from '../services/retention';

export interface SchedulerDeps {
  plans: PlanRepository;
  collect: CollectService;
  /** Works through the due jobs (prompts, reminders and summaries); claims no new job once `signal` is aborted. */
  drain: (signal: AbortSignal) => Promise<DrainReport>;
  /** Told about periods the scheduler closed (final summaries); must not throw. */
  periodsClosed: (periods: readonly Period[]) => Promise<void>;
  /** Enqueues the reminders that are due at `now`. */
  remind: (now: Date) => Promise<ReminderTickReport>;
  /** Tells coordinators when the prompts of a period they opened have all been handled. */
  reportFanouts: () => Promise<void>;
  /** Deletes what is past its retention (finished jobs); run at most once per CLEANUP_INTERVAL_MS. */
  cleanup: (now: Date) => Promise<CleanupReport>;
  timezone: string;
  logger: Logger;
}

/** How often the retention cleanup runs. */
export const CLEANUP_INTERVAL_MS = 3_600_000;

export interface TickReport {
  opened: string[];
  closed: string[];
  reminders: ReminderTickReport;
  jobs: DrainReport;
  /** Present on the ticks that ran the retention cleanup. */
  cleanup?: CleanupReport;
}

/**
 * Time-driven work. `tick(now)` is pure orchestration with an injected instant, so tests drive days
 * and deadlines without waiting; `start()` only owns the timer. Safe on several instances: opening
 * and closing are conditional state changes and jobs are leased.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private kicked = false;
  private lastCleanup: number | null = null;
  /** Aborted by stop(): the job runner claims nothing new and a tick in progress skips what follows its drain. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly now: () => Date,
  ) {}

  async tick(now: Date = this.now()): Promise<TickReport> {
    const today = calendarDate(now, this.deps.timezone);
    const periods = await this.deps.plans.listPeriods();
    const opened: string[] = [];
    const closed: string[] = [];
    const closedPeriods: Period[] = [];
    const due: Period[] = [];
    for (const period of periods) {
      if (period.state !== 'closed' && period.closes < today) {
        // A draft that was never opened also becomes history once its closing date has passed.
        if (await this.deps.plans.setPeriodState(period.id, ['open', 'draft'], 'closed', now)) {
          closed.push(period.id);
          if (period.state === 'open') closedPeriods.push({ ...period, state: 'closed' });
        }
      } else if (period.state === 'draft' && period.opens <= today && today <= period.closes) {
        due.push(period);
      }
    }
    // Opened together, so that an owner with goals in several of them gets one inbox card.
    if (due.length > 0) opened.push(...(await this.deps.collect.openPeriods(due)).openedIds);
    if (opened.length + closed.length > 0) this.deps.logger.info({ opened, closed }, 'scheduler changed periods');
    if (closedPeriods.length > 0) await this.deps.periodsClosed(closedPeriods);
    const reminders = await this.deps.remind(now);
    if (reminders.slots.length + reminders.missingReports > 0) this.deps.logger.info({ ...reminders }, 'reminders enqueued');
    const jobs = await this.deps.drain(this.stopping.signal);
    if (this.stopping.signal.aborted) return { opened, closed, reminders, jobs };
    await this.deps.reportFanouts().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'fan-out report failed'));
    const cleanup = await this.cleanup(now);
    return { opened, closed, reminders, jobs, ...(cleanup ? { cleanup } : {}) };
  }

  /** The retention cleanup, once per interval; a failure is logged and tried again on the next tick. */
  private async cleanup(now: Date): Promise<CleanupReport | undefined> {
    if (this.lastCleanup !== null && now.getTime() - this.lastCleanup < CLEANUP_INTERVAL_MS) return undefined;
    try {
      const report = await this.deps.cleanup(now);
      this.lastCleanup = now.getTime();
      return report;
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'retention cleanup failed');
      return undefined;
    }
  }

  /** Runs a tick soon (e.g. right after a confirmed opening), never two at once. */
  kick(): void {
    if (this.kicked || this.stopping.signal.aborted) return;
    this.kicked = true;
    this.running = this.running.then(async () => {
      this.kicked = false;
      await this.tick().catch((error: unknown) => this.deps.logger.error({ err: error }, 'scheduler tick failed'));
    });
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  /**
   * Stops the timer, lets the jobs already claimed finish (the job runner claims no new one), and
   * waits for the tick in progress; jobs not yet claimed stay pending for the next start.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.stopping.abort();
    await this.running;
  }

  /** Resolves when the ticks queued so far have finished (tests and shutdown). */
  idle(): Promise<unknown> {
    return this.running;
  }
}
