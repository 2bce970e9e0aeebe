import { parseJobSpec, type JobKind, type JobSpecOf } from '../domain/jobs';
import type { Logger } from '../logger';
import type { Job, JobRepository } from '../store/job-repository';
import type { SendPacer } from './pacer';

/** A claimed job whose kind is known and whose payload passed that kind's schema. */
export type RunnableJob<K extends JobKind = JobKind> = K extends JobKind ? Omit<Job, 'kind' | 'payload'> & JobSpecOf<K> : never;

/** One drain of the job queue: handlers may share what they read among the jobs of one drain (never across drains). */
export interface DrainScope {
  readonly startedAt: Date;
}

/**
 * Runs one kind of job; calls `pace` right before its network send so that sends, not jobs, are
 * spaced. `drain` is the same object for every job of one drain.
 */
export type JobHandler<K extends JobKind> = (job: RunnableJob<K>, pace: () => Promise<void>, drain: DrainScope) => Promise<JobOutcome>;

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

/** Hands each job to its kind's handler: a switch over the parsed kind, never a lookup by a stored string. */
export function dispatchJobs(handlers: JobHandlers): JobHandler<JobKind> {
  return (job, pace, drain) => {
    switch (job.kind) {
      case 'prompt':
        return handlers.prompt(job, pace, drain);
      case 'reminder':
        return handlers.reminder(job, pace, drain);
      case 'summary':
        return handlers.summary(job, pace, drain);
    }
  };
}

export type JobOutcome =
  | { status: 'done'; result: Record<string, string> }
  | { status: 'retry'; afterMs: number; error: string; rateLimited?: boolean }
  | { status: 'failed'; error: string };

export interface JobRunnerDeps {
  jobs: JobRepository;
  /** Runs a job whose kind and payload have been checked (see dispatchJobs). */
  handle: JobHandler<JobKind>;
  /** Identifies this instance in leases. */
  owner: string;
  now: () => Date;
  pacer: SendPacer;
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  logger: Logger;
  /** Once aborted (shutdown), no further job is claimed; the jobs already claimed run to their end. */
  signal?: AbortSignal;
}

export interface DrainReport {
  done: number;
  retried: number;
  failed: number;
}

/**
 * Works through every due job with `concurrency` workers, each send paced by the shared pacer.
 * Returns when no job is due, or once `signal` is aborted and the jobs already claimed have ended;
 * jobs scheduled for later (retries) and jobs not yet claimed are left for a later drain.
 * A job's outcome is written only by its lease holder, so a restart mid-way resumes without
 * duplicates (done jobs are never claimed again) or gaps (expired leases are claimed again).
 *
 * Database work is batched, since each query to FerretDB costs far more than the work a prompt
 * needs: one query finds every due job (FerretDB reads the whole collection for it whatever the
 * limit), claims are taken `concurrency` at a time one batch ahead of the workers, and jobs done
 * while a completion is being written are written together in the next one.
 */
export async function drainJobs(deps: JobRunnerDeps, kinds?: readonly JobKind[]): Promise<DrainReport> {
  const report: DrainReport = { done: 0, retried: 0, failed: 0 };
  const scope: DrainScope = { startedAt: deps.now() };
  const batchSize = Math.max(1, deps.concurrency);
  const seen = new Set<string>();
  let due: Job[] = [];
  let exhausted = false;
  const claimed: Job[] = [];
  let claiming: Promise<void> | null = null;
  const lookAgain = async () => {
    try {
      // A job met once in this drain is not taken up again (a lost claim, a retry scheduled for later).
      const found = (await deps.jobs.findDue(deps.now(), DUE_LIMIT, kinds)).filter((job) => !seen.has(job.id));
      found.forEach((job) => seen.add(job.id));
      // Another instance working through the same list starts elsewhere in it, so claims rarely collide.
      const offset = Math.floor(Math.random() * found.length);
      due = [...found.slice(offset), ...found.slice(0, offset)];
      exhausted = found.length === 0;
    } catch (error) {
      // This drain ends; the next tick looks again.
      deps.logger.warn({ err: error }, 'could not look for due jobs');
      exhausted = true;
    }
  };
  const claimBatch = async () => {
    if (deps.signal?.aborted) {
      exhausted = true;
      return;
    }
    if (due.length === 0) await lookAgain();
    const batch = due.splice(0, batchSize);
    try {
      claimed.push(...(await deps.jobs.claimCandidates(batch, deps.owner, deps.now(), deps.leaseMs)));
    } catch (error) {
      // A database hiccup (e.g. SQLITE_BUSY on the embedded FerretDB) must not stop the others: a
      // claim that was taken is taken up again when it goes stale.
      deps.logger.warn(
        { jobIds: batch.map((job) => job.id), err: error },
        'jobs could not be claimed; they will be retried after their lease',
      );
      report.retried += batch.length;
    }
  };
  const claimAhead = (): Promise<void> =>
    (claiming ??= claimBatch().finally(() => {
      claiming = null;
    }));
  const next = async (): Promise<Job | null> => {
    // After the signal nothing new is claimed; jobs already claimed still run, so none is left leased.
    if (deps.signal?.aborted) return claimed.shift() ?? null;
    while (claimed.length === 0 && !exhausted) await claimAhead();
    const job = claimed.shift() ?? null;
    // The next batch is claimed while this one runs, so that workers never wait for a claim.
    if (claimed.length < batchSize && !exhausted) void claimAhead();
    return job;
  };
  const completions = new Batcher<Completion>((done) => deps.jobs.completeMany(done));
  const worker = async () => {
    for (let job = await next(); job; job = await next()) {
      try {
        await runOne(job, deps, report, completions, scope);
      } catch (error) {
        // The job stays leased and is taken up again when the lease runs out.
        deps.logger.warn({ jobId: job.id, err: error }, 'job could not be run; it will be retried after its lease');
        report.retried += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: batchSize }, worker));
  await claiming;
  return report;
}

/** Due jobs read at once: far more than one fan-out, so that one query serves a whole region. */
const DUE_LIMIT = 50_000;

type Completion = Parameters<JobRepository['completeMany']>[0][number];

/**
 * Group commit: the first item is written at once; items added while a write is in flight are
 * written together by the next one. Each add resolves when its own item is written.
 */
class Batcher<T> {
  private waiting: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly write: (items: T[]) => Promise<unknown>) {}

  add(item: T): Promise<void> {
    const added = new Promise<void>((resolve, reject) => this.waiting.push({ item, resolve, reject }));
    if (!this.writing) void this.flush();
    return added;
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        await this.write(batch.map((entry) => entry.item));
        batch.forEach((entry) => entry.resolve());
      } catch (error) {
        batch.forEach((entry) => entry.reject(error));
      }
    }
    this.writing = false;
  }
}

async function runOne(
  job: Job,
  deps: JobRunnerDeps,
  report: DrainReport,
  completions: Batcher<Completion>,
  scope: DrainScope,
): Promise<void> {
  const parsed = parseJobSpec(job.kind, job.payload);
  if (!parsed.ok) {
    // Trying again cannot help: the job is failed at once, and no handler ever sees it.
    await deps.jobs.fail(job.id, deps.owner, parsed.error, deps.now());
    deps.logger.warn(
      { jobId: job.id, kind: job.kind, error: parsed.error },
      `job has ${parsed.problem === 'unknown kind' ? 'an unknown kind' : 'a malformed payload'}; marked failed`,
    );
    report.failed += 1;
    return;
  }
  let outcome: JobOutcome;
  try {
    outcome = await deps.handle(
      { ...job, ...parsed.spec },
      async () => {
        await deps.pacer.acquire();
      },
      scope,
    );
  } catch (error) {
    outcome = { status: 'retry', afterMs: backoffMs(job.attempts), error: error instanceof Error ? error.message : String(error) };
  }
  const now = deps.now();
  if (outcome.status === 'done') {
    await completions.add({ id: job.id, owner: deps.owner, result: outcome.result, now });
    report.done += 1;
    return;
  }
  if (outcome.status === 'retry' && job.attempts < deps.maxAttempts) {
    if (outcome.rateLimited) deps.pacer.pauseFor(outcome.afterMs);
    await deps.jobs.retryAt(job.id, deps.owner, new Date(now.getTime() + outcome.afterMs), outcome.error, now);
    deps.logger.warn({ jobId: job.id, attempts: job.attempts, retryInMs: outcome.afterMs, error: outcome.error }, 'job will be retried');
    report.retried += 1;
    return;
  }
  await deps.jobs.fail(job.id, deps.owner, outcome.error, now);
  deps.logger.warn({ jobId: job.id, attempts: job.attempts, error: outcome.error }, 'job failed permanently');
  report.failed += 1;
}

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
