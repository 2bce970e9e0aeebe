import { parseJobSpec, type JobKind, type JobSpecOf } from '../domain/jobs';
import type { Logger } from '../logger';
import type { Job, JobRepository } from '../store/job-repository';
import type { Pacer } from './pacer';

/** A claimed job whose kind is known and whose payload passed that kind's schema. */
export type RunnableJob<K extends JobKind = JobKind> = K extends JobKind ? Omit<Job, 'kind' | 'payload'> & JobSpecOf<K> : never;

/** Runs one kind of job; calls `pace` right before its network send so that sends, not jobs, are spaced. */
export type JobHandler<K extends JobKind> = (job: RunnableJob<K>, pace: () => Promise<void>) => Promise<JobOutcome>;

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

/** Hands each job to its kind's handler: a switch over the parsed kind, never a lookup by a stored string. */
export function dispatchJobs(handlers: JobHandlers): JobHandler<JobKind> {
  return (job, pace) => {
    switch (job.kind) {
      case 'prompt':
        return handlers.prompt(job, pace);
      case 'reminder':
        return handlers.reminder(job, pace);
      case 'summary':
        return handlers.summary(job, pace);
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
  pacer: Pacer;
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
 */
export async function drainJobs(deps: JobRunnerDeps, kinds?: readonly JobKind[]): Promise<DrainReport> {
  const report: DrainReport = { done: 0, retried: 0, failed: 0 };
  // One query hands a page of due jobs to all workers of this instance (scanning for each job is
  // slow on FerretDB); each job is still claimed on its own, so other instances stay safe.
  let queue: Job[] = [];
  let refill: Promise<void> | null = null;
  let exhausted = false;
  const seen = new Set<string>();
  const next = async (): Promise<Job | null> => {
    if (deps.signal?.aborted) return null;
    while (queue.length === 0 && !exhausted) {
      // A job met once in this drain is not taken up again (a lost claim, a retry scheduled for later).
      refill ??= deps.jobs.findDue(deps.now(), PAGE, kinds).then(
        (page) => {
          queue = page.filter((job) => !seen.has(job.id));
          queue.forEach((job) => seen.add(job.id));
          exhausted = queue.length === 0;
          refill = null;
        },
        (error: unknown) => {
          // This drain ends; the next tick looks again.
          deps.logger.warn({ err: error }, 'could not look for due jobs');
          exhausted = true;
          refill = null;
        },
      );
      await refill;
    }
    return deps.signal?.aborted ? null : (queue.shift() ?? null);
  };
  const worker = async () => {
    for (let candidate = await next(); candidate; candidate = await next()) {
      try {
        const job = await deps.jobs.claimCandidate(candidate, deps.owner, deps.now(), deps.leaseMs);
        if (job) await runOne(job, deps, report);
      } catch (error) {
        // A database hiccup (e.g. SQLITE_BUSY on the embedded FerretDB) must not stop the others:
        // the job stays leased and is taken up again when the lease runs out.
        deps.logger.warn({ jobId: candidate.id, err: error }, 'job could not be run; it will be retried after its lease');
        report.retried += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  return report;
}

const PAGE = 500;

async function runOne(job: Job, deps: JobRunnerDeps, report: DrainReport): Promise<void> {
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
    outcome = await deps.handle({ ...job, ...parsed.spec }, () => deps.pacer.acquire());
  } catch (error) {
    outcome = { status: 'retry', afterMs: backoffMs(job.attempts), error: error instanceof Error ? error.message : String(error) };
  }
  const now = deps.now();
  if (outcome.status === 'done') {
    await deps.jobs.complete(job.id, deps.owner, outcome.result, now);
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
