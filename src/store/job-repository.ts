import type { Db } from 'mongodb';
import { Claims, insertNew } from './claims';
import { COLLECTIONS } from './indexes';
import type { JobKind, JobSpec } from '../domain/jobs';

export type JobState = 'pending' | 'running' | 'done' | 'failed';

/** A unit of outgoing work that survives restarts and runs once across instances. */
export interface Job {
  /** Stable dedupe key, e.g. prompt:<period>:<email>: enqueuing it twice is a no-op. */
  id: string;
  /** As stored: the runner checks it against the known kinds (parseJobSpec) before running the job. */
  kind: string;
  /** Groups jobs for reporting, e.g. the period id. */
  batch: string;
  /** As stored: parsed with the kind's schema before a handler sees it. */
  payload: unknown;
  state: JobState;
  runAt: Date;
  attempts: number;
  lastError: string | null;
  /** What the job produced, e.g. the sent activity id. */
  result: Record<string, string> | null;
}

interface JobDocument {
  _id: string;
  dedupeKey: string;
  kind: string;
  batch: string;
  payload: unknown;
  state: JobState;
  runAt: Date;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  result: Record<string, string> | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A job to enqueue: its kind with that kind's payload; ids and batches come from domain/job-ids. */
export type NewJob = JobSpec & {
  id: string;
  batch: string;
  runAt: Date;
};

export class JobRepository {
  private readonly claims: Claims;

  constructor(private readonly db: Db) {
    this.claims = new Claims(db);
  }

  private get jobs() {
    return this.db.collection<JobDocument>(COLLECTIONS.jobs);
  }

  /** Inserts the jobs that do not exist yet; existing ones (any state) are left alone. */
  async enqueueMany(jobs: readonly NewJob[], now: Date): Promise<{ created: number; existing: number }> {
    let created = 0;
    for (let start = 0; start < jobs.length; start += 1_000) {
      const documents: JobDocument[] = jobs.slice(start, start + 1_000).map((job) => ({
        _id: job.id,
        dedupeKey: job.id,
        kind: job.kind,
        batch: job.batch,
        payload: job.payload,
        state: 'pending',
        runAt: job.runAt,
        attempts: 0,
        leaseOwner: null,
        leaseUntil: null,
        lastError: null,
        result: null,
        createdAt: now,
        updatedAt: now,
      }));
      created += await insertNew(this.jobs, documents);
    }
    return { created, existing: jobs.length - created };
  }

  /**
   * Takes the next due job: pending and due, or running with an expired lease (its instance died
   * mid-send). Who gets attempt n of a job is decided by inserting the claim "<job>#<n>", which is
   * atomic on every supported server; the lease then makes others skip the job while it runs.
   */
  async claim(owner: string, now: Date, leaseMs: number, kinds?: readonly JobKind[]): Promise<Job | null> {
    for (let round = 0; round < 5; round += 1) {
      const candidates = await this.findDue(now, 32, kinds);
      if (candidates.length === 0) return null;
      // Start at a random candidate so that concurrent claimers rarely race for the same job.
      const offset = Math.floor(Math.random() * candidates.length);
      for (let index = 0; index < candidates.length; index += 1) {
        const job = await this.claimCandidate(candidates[(offset + index) % candidates.length]!, owner, now, leaseMs);
        if (job) return job;
      }
    }
    return null;
  }

  /** Due jobs, oldest first: pending and due, or running with an expired lease. A snapshot: claim each with claimCandidate. */
  async findDue(now: Date, limit: number, kinds?: readonly JobKind[]): Promise<Job[]> {
    const kindFilter = kinds ? { kind: { $in: [...kinds] } } : {};
    const due = {
      ...kindFilter,
      $or: [
        { state: 'pending' as JobState, runAt: { $lte: now } },
        { state: 'running' as JobState, leaseUntil: { $lt: now } },
      ],
    };
    return (await this.jobs.find(due).sort({ runAt: 1 }).limit(limit).toArray()).map(toJob);
  }

  /**
   * Takes attempt n+1 of a job seen as due. Who gets it is decided by inserting the claim
   * "<job>#<n+1>", atomic on every supported server; a stale snapshot simply loses. The lease then
   * makes others skip the job while it runs.
   */
  async claimCandidate(candidate: Job, owner: string, now: Date, leaseMs: number): Promise<Job | null> {
    const attempt = candidate.attempts + 1;
    const key = `job:${candidate.id}#${attempt}`;
    // A pending job whose claim is older than a lease was claimed by an instance that died before leasing it.
    const claimed =
      candidate.state === 'pending'
        ? await this.claims.claimOrTakeOverStale(key, owner, now, new Date(now.getTime() - leaseMs))
        : await this.claims.claim(key, owner, now);
    if (!claimed) return null;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    await this.jobs.updateOne(
      { _id: candidate.id },
      { $set: { state: 'running', leaseOwner: owner, leaseUntil, attempts: attempt, updatedAt: now } },
    );
    return { ...candidate, state: 'running', attempts: attempt };
  }

  /**
   * claimCandidate for several candidates with two round trips for all of them (the claims in one
   * insert, the leases in one bulk write) instead of two per job. A candidate whose claim is held by
   * someone else is tried on its own, since that claim may be stale (its instance died).
   */
  async claimCandidates(candidates: readonly Job[], owner: string, now: Date, leaseMs: number): Promise<Job[]> {
    const keyOf = (candidate: Job) => `job:${candidate.id}#${candidate.attempts + 1}`;
    const won = await this.claims.claimMany(candidates.map(keyOf), owner, now);
    const leased = candidates.filter((candidate) => won.has(keyOf(candidate)));
    const leaseUntil = new Date(now.getTime() + leaseMs);
    if (leased.length > 0) {
      await this.jobs.bulkWrite(
        leased.map((candidate) => ({
          updateOne: {
            filter: { _id: candidate.id },
            update: {
              $set: { state: 'running' as JobState, leaseOwner: owner, leaseUntil, attempts: candidate.attempts + 1, updatedAt: now },
            },
          },
        })),
        { ordered: false },
      );
    }
    const claimed = leased.map((candidate): Job => ({ ...candidate, state: 'running', attempts: candidate.attempts + 1 }));
    for (const candidate of candidates) {
      if (won.has(keyOf(candidate)) || candidate.state !== 'pending') continue;
      const job = await this.claimCandidate(candidate, owner, now, leaseMs);
      if (job) claimed.push(job);
    }
    return claimed;
  }

  /** The next time a pending job is due, to sleep until then. */
  async nextDue(kinds?: readonly JobKind[]): Promise<Date | null> {
    const kindFilter = kinds ? { kind: { $in: [...kinds] } } : {};
    const next = await this.jobs
      .find({ ...kindFilter, state: 'pending' })
      .sort({ runAt: 1 })
      .limit(1)
      .project<{ runAt: Date }>({ runAt: 1 })
      .toArray();
    return next[0]?.runAt ?? null;
  }

  async complete(id: string, owner: string, result: Record<string, string>, now: Date): Promise<boolean> {
    return this.finish(id, owner, { state: 'done', result, lastError: null, updatedAt: now });
  }

  async retryAt(id: string, owner: string, runAt: Date, error: string, now: Date): Promise<boolean> {
    return this.finish(id, owner, { state: 'pending', runAt, lastError: error, updatedAt: now });
  }

  async fail(id: string, owner: string, error: string, now: Date): Promise<boolean> {
    return this.finish(id, owner, { state: 'failed', lastError: error, updatedAt: now });
  }

  /** complete for several jobs in one round trip; how many of them this owner still held. */
  async completeMany(done: readonly { id: string; owner: string; result: Record<string, string>; now: Date }[]): Promise<number> {
    if (done.length === 0) return 0;
    const written = await this.jobs.bulkWrite(
      done.map(({ id, owner, result, now }) => ({
        updateOne: {
          filter: { _id: id, state: 'running' as JobState, leaseOwner: owner },
          update: { $set: { state: 'done' as JobState, result, lastError: null, updatedAt: now, leaseOwner: null, leaseUntil: null } },
        },
      })),
      { ordered: false },
    );
    return written.modifiedCount;
  }

  /** Only the lease holder may finish a job, so a slow instance cannot overwrite a newer outcome. */
  private async finish(id: string, owner: string, set: Partial<JobDocument>): Promise<boolean> {
    const result = await this.jobs.updateOne(
      { _id: id, state: 'running', leaseOwner: owner },
      { $set: { ...set, leaseOwner: null, leaseUntil: null } },
    );
    return result.modifiedCount === 1;
  }

  /**
   * Deletes jobs that finished (done or failed) before `cutoff`: the retention of job documents. A job
   * id is also its once-only key, so the retention must outlast the period a job belongs to.
   */
  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    const result = await this.jobs.deleteMany({ state: { $in: ['done', 'failed'] }, updatedAt: { $lt: cutoff } });
    return result.deletedCount;
  }

  async find(id: string): Promise<Job | null> {
    const document = await this.jobs.findOne({ _id: id });
    return document ? toJob(document) : null;
  }

  /** Which of these job ids exist, in any state (looked up by _id, a thousand at a time). */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += 1_000) {
      const chunk = ids.slice(start, start + 1_000);
      const documents = await this.jobs
        .find({ _id: { $in: chunk } })
        .project<{ _id: string }>({ _id: 1 })
        .toArray();
      for (const document of documents) found.add(document._id);
    }
    return found;
  }

  /** Which of these batches hold any job, in one pass. */
  async nonEmptyBatches(batches: readonly string[]): Promise<Set<string>> {
    if (batches.length === 0) return new Set();
    const rows = await this.jobs
      .aggregate<{ _id: string }>([{ $match: { batch: { $in: [...batches] } } }, { $group: { _id: '$batch' } }])
      .toArray();
    return new Set(rows.map((row) => row._id));
  }

  async listBatch(batch: string): Promise<Job[]> {
    return (await this.jobs.find({ batch }).sort({ _id: 1 }).toArray()).map(toJob);
  }

  async countByState(batch: string): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { pending: 0, running: 0, done: 0, failed: 0 };
    const rows = await this.jobs
      .aggregate<{ _id: JobState; n: number }>([{ $match: { batch } }, { $group: { _id: '$state', n: { $sum: 1 } } }])
      .toArray();
    for (const row of rows) counts[row._id] = row.n;
    return counts;
  }
}

function toJob(document: JobDocument): Job {
  return {
    id: document._id,
    kind: document.kind,
    batch: document.batch,
    payload: document.payload,
    state: document.state,
    runAt: document.runAt,
    attempts: document.attempts,
    lastError: document.lastError,
    result: document.result,
  };
}
